import {
  type BackendApiClient,
  type BackendApiClientOptions,
  createBackendApiClient,
} from "./api/create-backend-api-client.js";
import type { TemplateTokenFetcher } from "./auth/auth-object.js";
import {
  type AuthenticateRequestOptions,
  authenticateRequest,
} from "./auth/authenticate-request.js";
import type { RequestState } from "./auth/request-state.js";
import { publicKeyPemOf } from "./tokens/internal/public-key-pem.js";
import { TokenVerificationError } from "./tokens/token-verification-error.js";
import type { VerifyTokenOptions } from "./tokens/verify-token-options.js";

/** Options of {@link createClerkClient}: the Backend API's and request authentication's. */
export interface ClerkClientOptions
  extends BackendApiClientOptions,
    Omit<VerifyTokenOptions, "fetch" | "secretKey" | "apiUrl" | "apiVersion" | "jwtKey"> {
  signInUrl?: string;
  signUpUrl?: string;
}

/** The Backend API resources plus `authenticateRequest`, as on `@clerk/backend`'s client. */
export interface ClerkClient extends BackendApiClient {
  /**
   * Authenticates a request with the client's options, overridden by `options`. The auth object's
   * `getToken({ template })` asks the Backend API for the template token.
   */
  authenticateRequest(
    request: Request,
    options?: Partial<AuthenticateRequestOptions>,
  ): Promise<RequestState>;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Creates a Clerk-compatible client: every Backend API resource (`users`, `sessions`,
 * `organizations`…) and `authenticateRequest`, configured once.
 *
 * @throws {TokenVerificationError} `jwk-local-missing` (at once) when `jwtKey` is not a PEM
 *   public key.
 * @throws BackendError `secret-key-missing` (at call time) when a Backend API call has no secret key.
 * @throws ClerkAPIResponseError when the Backend API answers non-2xx.
 * @example
 * ```ts
 * const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY });
 * const state = await clerk.authenticateRequest(request, { authorizedParties: ["https://app.example"] });
 * if (state.isSignedIn) {
 *   const user = await clerk.users.getUser(state.toAuth().userId);
 * }
 * ```
 */
export function createClerkClient(options: ClerkClientOptions = {}): ClerkClient {
  if (options.jwtKey && publicKeyPemOf(options.jwtKey) === undefined) {
    throw new TokenVerificationError(
      "jwk-local-missing",
      "jwtKey (CLERK_JWT_KEY) is not a PEM-encoded public key. Set it to the instance's PEM public key.",
    );
  }
  const api = createBackendApiClient(options);
  const templateTokenFetcher: TemplateTokenFetcher = async (sessionId, template, expiresIn) =>
    (await api.sessions.getToken(sessionId, template, expiresIn)).jwt;
  const base: AuthenticateRequestOptions = defined({
    secretKey: options.secretKey,
    jwtKey: options.jwtKey,
    apiUrl: options.apiUrl,
    apiVersion: options.apiVersion,
    publishableKey: options.publishableKey,
    authorizedParties: options.authorizedParties,
    audience: options.audience,
    clockSkewInMs: options.clockSkewInMs,
    jwksCacheTtlInMs: options.jwksCacheTtlInMs,
    jwksRefetchIntervalInMs: options.jwksRefetchIntervalInMs,
    fetch: options.fetch,
    now: options.now,
    signInUrl: options.signInUrl,
    signUpUrl: options.signUpUrl,
    templateTokenFetcher,
  });
  return {
    ...api,
    authenticateRequest: (request, overrides = {}) =>
      authenticateRequest(request, { ...base, ...defined(overrides) }),
  };
}
