import { randomBytes } from "node:crypto";
import type { JwtTemplateRecord } from "../store/jwt-template-store.js";
import { createJwtSigner, type JwtAlgorithm } from "./create-jwt-signer.js";
import { importTemplateSigningKey } from "./import-template-signing-key.js";
import { renderTemplateClaims } from "./render-template-claims.js";
import type { SigningKeyRing } from "./signing-key-ring.js";

/** Input of {@link mintTemplateToken}. */
export interface MintTemplateTokenInput {
  template: JwtTemplateRecord;
  /** The template's own signing key when `template.customSigningKey`; else ignored. */
  customSigningKey: string | null;
  /** Shortcode data (see `templateShortcodeData`). */
  data: Record<string, unknown>;
  /** The Frontend API URL (`iss`). */
  issuer: string;
  /** The user id (`sub`). */
  subject: string;
  /** The origin that asked for the token (`azp`), when known. */
  authorizedParty?: string | null;
  /** Epoch milliseconds. */
  now: number;
  /** Overrides the template's lifetime. */
  lifetimeSeconds?: number;
}

/**
 * Mints a token from a JWT template: its rendered claims, then the claims the server always sets
 * (`iss`, `sub`, `iat`, `exp`, `nbf = iat − allowed_clock_skew`, `azp` when known, a random
 * `jti`). Signed RS256 with the instance's key, or with the template's own key and algorithm.
 *
 * @throws `form_param_format_invalid` (`signing_key`) when a stored custom key is unusable
 * @example
 * const jwt = await mintTemplateToken(signingKeys, { template, customSigningKey: null, data,
 *   issuer, subject: user.id, now: clock.now() });
 */
export async function mintTemplateToken(
  signingKeys: SigningKeyRing,
  input: MintTemplateTokenInput,
): Promise<string> {
  const { template } = input;
  const lifetime = input.lifetimeSeconds ?? template.lifetime;
  const iat = Math.floor(input.now / 1000);
  const claims: Record<string, unknown> = {
    ...renderTemplateClaims(template.claims, input.data),
    iss: input.issuer,
    sub: input.subject,
    iat,
    nbf: iat - template.allowedClockSkew,
    exp: iat + lifetime,
    jti: randomBytes(10).toString("hex"),
  };
  if (input.authorizedParty) claims.azp = input.authorizedParty;
  if (!template.customSigningKey) return signingKeys.sign(claims, lifetime);
  if (input.customSigningKey === null) throw new Error("The template's signing key is missing.");
  const key = importTemplateSigningKey(template.signingAlgorithm, input.customSigningKey);
  return createJwtSigner(template.signingAlgorithm as JwtAlgorithm, key)(claims);
}
