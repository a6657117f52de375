import { ApiError } from "../errors/api-error.js";

/** Claims the server always sets itself on template tokens; templates cannot define them. */
export const RESERVED_TEMPLATE_CLAIMS: ReadonlySet<string> = new Set([
  "azp",
  "exp",
  "iat",
  "iss",
  "jti",
  "nbf",
  "sid",
  "sub",
]);

/**
 * Refuses template claims that name a reserved claim.
 *
 * @throws `jwt_template_reserved_claim` (`claims`, `meta.claim`) for the first reserved claim found
 * @example
 * assertNoReservedClaims({ role: "{{user.public_metadata.role}}" }); // passes
 */
export function assertNoReservedClaims(claims: Record<string, unknown>): void {
  for (const name of Object.keys(claims)) {
    if (RESERVED_TEMPLATE_CLAIMS.has(name)) {
      throw new ApiError("jwt_template_reserved_claim", {
        paramName: "claims",
        longMessage: `The claim "${name}" is reserved and set by the server; remove it from the template.`,
        meta: { claim: name },
      });
    }
  }
}
