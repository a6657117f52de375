import type { JwtTemplateRecord } from "../store/jwt-template-store.js";

/** A JWT template on the wire (Clerk's `JWTTemplate` object); the signing key is never answered. */
export interface JwtTemplateJson {
  object: "jwt_template";
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowed_clock_skew: number;
  custom_signing_key: boolean;
  signing_algorithm: string;
  created_at: number;
  updated_at: number;
}

/**
 * Serialises a JWT template as Clerk's `JWTTemplate` object (claims verbatim, shortcodes included).
 *
 * @example
 * const json = jwtTemplateJson(await store.getJwtTemplate("jtmp_123"));
 */
export function jwtTemplateJson(template: JwtTemplateRecord): JwtTemplateJson {
  return {
    object: "jwt_template",
    id: template.id,
    name: template.name,
    claims: template.claims,
    lifetime: template.lifetime,
    allowed_clock_skew: template.allowedClockSkew,
    custom_signing_key: template.customSigningKey,
    signing_algorithm: template.signingAlgorithm,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}
