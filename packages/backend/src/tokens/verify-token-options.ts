/** Options of {@link verifyToken} and of request authentication. */
export interface VerifyTokenOptions {
  /**
   * PEM public key of the instance (`CLERK_JWT_KEY`). When set, verification needs no network.
   */
  jwtKey?: string;
  /** Secret key (`CLERK_SECRET_KEY`), used to fetch the JWKS when `jwtKey` is not set. */
  secretKey?: string;
  /** Backend API origin. Default `https://api.clerk.com`. */
  apiUrl?: string;
  /** Backend API version path. Default `v1`. */
  apiVersion?: string;
  /** Origins allowed in the `azp` claim. When set, a token without a matching `azp` is refused. */
  authorizedParties?: string[];
  /** Accepted `aud` values. When set, a token without a matching `aud` is refused. */
  audience?: string | string[];
  /** Tolerance for `exp`, `nbf` and `iat`. Default 5000 ms. */
  clockSkewInMs?: number;
  /** How long a fetched JWKS is fresh. Default 5 minutes. */
  jwksCacheTtlInMs?: number;
  /** The least time between JWKS refetches caused by an unknown `kid`. Default 30 s. */
  jwksRefetchIntervalInMs?: number;
  /** `fetch` used for the JWKS. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}
