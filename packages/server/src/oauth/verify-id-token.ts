import { decodeJwt, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import { MICROSOFT_ISSUER_TEMPLATE } from "./oauth-connection.js";
import { OAuthProviderError } from "./oauth-provider-error.js";

/** Clock skew allowed on `exp`, `iat` and `nbf`, in seconds. */
export const ID_TOKEN_CLOCK_TOLERANCE_S = 60;

/**
 * Verifies an OpenID Connect ID token from the code flow (OIDC Core §3.1.3.7): signature by a key of
 * the provider's JWKS with one of `algorithms`, `iss` (Microsoft's `{tenantid}` template filled
 * with the token's own `tid`), `aud` containing the client id, `azp` equal to it when present or
 * when there are several audiences, `nonce`, and `exp`/`iat` within 60 s of `now`.
 *
 * @throws OAuthProviderError `id_token_invalid` when any check fails.
 * @example
 * const claims = await verifyIdToken(idToken, { jwks, issuer, clientId, nonce, algorithms, now });
 */
export async function verifyIdToken(
  idToken: string,
  expected: {
    jwks: JWTVerifyGetKey;
    issuer: string;
    clientId: string;
    nonce: string;
    algorithms: string[];
    now: () => number;
  },
): Promise<JWTPayload> {
  const fail = (reason: string, cause?: unknown): never => {
    throw new OAuthProviderError("id_token_invalid", `ID token refused: ${reason}`, { cause });
  };
  let issuer = expected.issuer;
  if (issuer === MICROSOFT_ISSUER_TEMPLATE) {
    let tid: unknown;
    try {
      tid = decodeJwt(idToken).tid;
    } catch (cause) {
      fail("not a JWT", cause);
    }
    if (typeof tid !== "string" || !/^[0-9a-f-]{36}$/i.test(tid)) fail("no tenant id (tid)");
    issuer = issuer.replace("{tenantid}", tid as string);
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, expected.jwks, {
      issuer,
      audience: expected.clientId,
      algorithms: expected.algorithms.filter((alg) => alg !== "none" && !alg.startsWith("HS")),
      clockTolerance: ID_TOKEN_CLOCK_TOLERANCE_S,
      currentDate: new Date(expected.now()),
      requiredClaims: ["sub", "iat", "exp"],
    }));
  } catch (cause) {
    return fail(joseReason(cause), cause);
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== expected.clientId) {
    fail("azp is not this client");
  }
  if (typeof payload.nonce !== "string" || payload.nonce !== expected.nonce) fail("nonce mismatch");
  const iat = payload.iat ?? 0;
  if (iat * 1000 > expected.now() + ID_TOKEN_CLOCK_TOLERANCE_S * 1000) fail("issued in the future");
  if (typeof payload.sub !== "string" || payload.sub.length === 0) fail("no subject");
  return payload;
}

function joseReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim} failed (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature does not verify";
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm not allowed";
  if (error instanceof errors.JWKSNoMatchingKey) return "no matching key in the provider's JWKS";
  if (error instanceof errors.JOSEError) return error.code;
  return "could not be verified";
}
