import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import type { JwtTemplateInput, JwtTemplateRecord } from "../../../store/jwt-template-store.js";
import { importTemplateSigningKey } from "../../../tokens/import-template-signing-key.js";
import { assertNoReservedClaims } from "../../../tokens/reserved-claims.js";

/** Body of `POST /v1/jwt_templates` and `PATCH /v1/jwt_templates/{id}` (the whole template). */
export const jwtTemplateBody = z.strictObject({
  name: z.string().trim().min(1).max(256),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int().min(30).max(315_360_000).nullish(),
  allowed_clock_skew: z.number().int().min(0).max(300).nullish(),
  custom_signing_key: z.boolean().optional(),
  signing_algorithm: z.string().nullish(),
  signing_key: z.string().nullish(),
});

export type JwtTemplateBody = z.output<typeof jwtTemplateBody>;

const DEFAULT_LIFETIME_SECONDS = 60;
const DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS = 5;

/**
 * Validates a template body and turns it into store input: no reserved claims; with
 * `custom_signing_key`, a supported `signing_algorithm` and a `signing_key` that fits it (on
 * update the stored key is kept when none is sent); without it, the instance's RS256 key.
 *
 * @throws `jwt_template_reserved_claim`, `form_param_missing` (`signing_algorithm`,
 *   `signing_key`), `form_param_value_invalid` (`signing_algorithm`), `form_param_format_invalid`
 *   (`signing_key`)
 * @example
 * const input = jwtTemplateInput(body, null, null);
 */
export function jwtTemplateInput(
  body: JwtTemplateBody,
  existing: JwtTemplateRecord | null,
  existingSigningKey: string | null,
): JwtTemplateInput {
  assertNoReservedClaims(body.claims);
  const base = {
    name: body.name,
    claims: body.claims,
    lifetime: body.lifetime ?? existing?.lifetime ?? DEFAULT_LIFETIME_SECONDS,
    allowedClockSkew:
      body.allowed_clock_skew ?? existing?.allowedClockSkew ?? DEFAULT_ALLOWED_CLOCK_SKEW_SECONDS,
  };
  if (!body.custom_signing_key) {
    return { ...base, customSigningKey: false, signingAlgorithm: "RS256", signingKey: null };
  }
  const algorithm =
    body.signing_algorithm ?? (existing?.customSigningKey ? existing.signingAlgorithm : null);
  if (algorithm == null) {
    throw new ApiError("form_param_missing", {
      paramName: "signing_algorithm",
      longMessage: "signing_algorithm is required when custom_signing_key is true.",
    });
  }
  const signingKey = body.signing_key ?? existingSigningKey;
  if (signingKey == null) {
    throw new ApiError("form_param_missing", {
      paramName: "signing_key",
      longMessage: "signing_key is required when custom_signing_key is true.",
    });
  }
  // Refuses a key that does not fit the algorithm now rather than at mint time.
  importTemplateSigningKey(algorithm, signingKey);
  return {
    ...base,
    customSigningKey: true,
    signingAlgorithm: algorithm,
    ...(body.signing_key == null ? {} : { signingKey: body.signing_key }),
  };
}
