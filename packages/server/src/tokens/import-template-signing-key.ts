import { createSecretKey, type KeyObject } from "node:crypto";
import { ApiError } from "../errors/api-error.js";
import {
  CUSTOM_SIGNING_ALGORITHMS,
  type TemplateSigningAlgorithm,
} from "../store/jwt-template-store.js";
import { importRsaPrivateKey, RSA_MODULUS_BITS } from "./import-rsa-private-key.js";

/** True for the algorithms a template's own key may use. */
export function isTemplateSigningAlgorithm(value: string): value is TemplateSigningAlgorithm {
  return (CUSTOM_SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

/**
 * Imports a template's own signing key: the UTF-8 bytes of the secret for HS256/384/512, a PEM
 * RSA private key for RS256/384/512. The key is never echoed in errors.
 *
 * @throws `form_param_value_invalid` (`signing_algorithm`) for an unsupported algorithm;
 *   `form_param_format_invalid` (`signing_key`) for a key that does not fit the algorithm
 * @example
 * const key = importTemplateSigningKey("HS256", "a-long-shared-secret");
 */
export function importTemplateSigningKey(algorithm: string, signingKey: string): KeyObject {
  if (!isTemplateSigningAlgorithm(algorithm)) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "signing_algorithm",
      longMessage: `signing_algorithm must be one of ${CUSTOM_SIGNING_ALGORITHMS.join(", ")}.`,
    });
  }
  const invalidKey = (longMessage: string) =>
    new ApiError("form_param_format_invalid", { paramName: "signing_key", longMessage });
  if (algorithm.startsWith("HS")) {
    if (signingKey.length === 0) throw invalidKey("signing_key must not be empty.");
    return createSecretKey(Buffer.from(signingKey, "utf8"));
  }
  const imported = importRsaPrivateKey(signingKey);
  if (!imported.ok) {
    throw invalidKey(
      `signing_key must be a PEM-encoded RSA private key of ${RSA_MODULUS_BITS.min} to ${RSA_MODULUS_BITS.max} bits for RS* algorithms.`,
    );
  }
  return imported.key;
}
