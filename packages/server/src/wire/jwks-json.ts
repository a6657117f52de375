import type { PublicRsaJwk } from "../store/signing-key-store.js";

/** One published key of the JWKS. */
export interface JwkJson {
  use: "sig";
  kty: "RSA";
  kid: string;
  alg: "RS256";
  n: string;
  e: string;
}

/** The instance's JSON Web Key Set (Clerk's `JWKS` object). */
export interface JwksJson {
  keys: JwkJson[];
}

/**
 * Builds the public JWKS from published keys: only `kty`, `n`, `e` of each key are read, so no
 * private material can leak into it.
 *
 * @example
 * const jwks = jwksJson(await signingKeys.publishedKeys());
 */
export function jwksJson(keys: ReadonlyArray<{ kid: string; publicJwk: PublicRsaJwk }>): JwksJson {
  return {
    keys: keys.map(({ kid, publicJwk }) => ({
      use: "sig",
      kty: "RSA",
      kid,
      alg: "RS256",
      n: publicJwk.n,
      e: publicJwk.e,
    })),
  };
}
