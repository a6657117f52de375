/**
 * Settings shared by the middleware and the server helpers. Every field overrides its environment
 * variable; environment variables are read at request time, never at import time.
 *
 * @example
 * ```ts
 * const options: LatchkeyOptions = {
 *   authorizedParties: ["https://app.example.com"],
 *   signInUrl: "/sign-in",
 * };
 * ```
 */
export interface LatchkeyOptions {
  /** `sk_test_…` / `sk_live_…`. Env `CLERK_SECRET_KEY`. */
  secretKey?: string;
  /** `pk_test_…` / `pk_live_…`. Env `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY`. */
  publishableKey?: string;
  /** Backend API origin of the instance. Env `CLERK_API_URL`; default `https://api.clerk.com`. */
  apiUrl?: string;
  /** Backend API version path. Default `v1`. */
  apiVersion?: string;
  /** PEM public key for networkless verification. Env `CLERK_JWT_KEY`. */
  jwtKey?: string;
  /** Origins accepted in a session token's `azp` claim. */
  authorizedParties?: string[];
  /** Accepted `aud` values. */
  audience?: string | string[];
  /** Sign-in page. Env `NEXT_PUBLIC_CLERK_SIGN_IN_URL`; default `/sign-in`. */
  signInUrl?: string;
  /** Sign-up page. Env `NEXT_PUBLIC_CLERK_SIGN_UP_URL`; default `/sign-up`. */
  signUpUrl?: string;
  /**
   * The instance's Frontend API. Default `${CLERK_API_URL}/__clerk`, or the host the publishable
   * key encodes when `CLERK_API_URL` is not set.
   */
  frontendApiUrl?: string;
  /** Tolerance for `exp`, `nbf` and `iat`. Default 5000 ms. */
  clockSkewInMs?: number;
  /** `fetch` for the Backend and Frontend APIs. Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}
