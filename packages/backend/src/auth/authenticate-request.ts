import { tokenVerifierFor } from "../tokens/internal/token-verifier-for.js";
import type { JwtPayload } from "../tokens/jwt-payload.js";
import { TokenVerificationError } from "../tokens/token-verification-error.js";
import type { VerifyTokenOptions } from "../tokens/verify-token-options.js";
import {
  type SignedInAuthObject,
  type SignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
  type TemplateTokenFetcher,
} from "./auth-object.js";
import { isDocumentRequest, readRequestCredentials } from "./internal/request-credentials.js";
import type {
  AuthErrorReason,
  NeedsRenewalState,
  RequestState,
  SignedInState,
  SignedOutState,
} from "./request-state.js";

/** Options of {@link authenticateRequest}. */
export interface AuthenticateRequestOptions extends VerifyTokenOptions {
  publishableKey?: string;
  signInUrl?: string;
  signUpUrl?: string;
  /** Used by `toAuth().getToken({ template })`; `createClerkClient` supplies the Backend API's. */
  templateTokenFetcher?: TemplateTokenFetcher;
}

const RENEWABLE: Partial<Record<string, AuthErrorReason>> = {
  "token-expired": "session-token-expired",
  "token-not-active-yet": "session-token-nbf",
  "token-iat-in-the-future": "session-token-iat-in-the-future",
};

/**
 * Authenticates a request by its session token: `Authorization: Bearer` first (cookies are then
 * ignored), else the `__session` cookie, with the `__client_uat` rule (a token issued before the
 * last sign-in or sign-out is stale).
 *
 * Answers `signed-in`, `signed-out` (with a reason) or, for page loads only, `needs-renewal`
 * when the cookie token is missing, expired or stale but the client may still be live. Bearer
 * and non-document requests are never renewed: they are signed out with the same reason.
 *
 * @throws {TokenVerificationError} `jwk-failed-to-resolve` when neither `jwtKey` nor `secretKey`
 *   is configured (bad configuration is loud; bad tokens are states, never exceptions).
 * @example
 * ```ts
 * const state = await authenticateRequest(request, { jwtKey, authorizedParties: [origin] });
 * if (state.isSignedIn) console.log(state.toAuth().userId);
 * ```
 */
export async function authenticateRequest(
  request: Request,
  options: AuthenticateRequestOptions,
): Promise<RequestState> {
  return authenticateRequestEager(request, options);
}

/**
 * {@link authenticateRequest} for hot paths: the same states and errors, but answered at once
 * (no promise) when nothing has to be fetched: a token already verified, or a key already known.
 * A promise only when the instance's JWKS must be fetched first. Middleware that runs on every
 * request uses it to avoid the cost of a promise (and, under `AsyncLocalStorage`, of its hooks).
 *
 * @throws {TokenVerificationError} as {@link authenticateRequest} (synchronously).
 * @example
 * ```ts
 * const outcome = authenticateRequestEager(request, { jwtKey });
 * const state = outcome instanceof Promise ? await outcome : outcome;
 * ```
 */
export function authenticateRequestEager(
  request: Request,
  options: AuthenticateRequestOptions,
): RequestState | Promise<RequestState> {
  const verifier = tokenVerifierFor(options);
  const credentials = readRequestCredentials(request);
  const renewOr = (reason: AuthErrorReason, message: string): RequestState =>
    credentials.clientUat !== 0 && isDocumentRequest(request)
      ? notSignedIn(options, "needs-renewal", reason, message)
      : notSignedIn(options, "signed-out", reason, message);

  const token = credentials.headerToken ?? credentials.cookieToken;
  if (token === undefined) {
    if (!credentials.clientUat) {
      return notSignedIn(
        options,
        "signed-out",
        "session-token-and-uat-missing",
        "The request has no session token and no client.",
      );
    }
    return renewOr(
      "client-uat-but-no-session-token",
      "The client has signed in but the request carries no session token.",
    );
  }
  // A session cookie without a live client (`__client_uat` absent, 0 or malformed) is a leftover:
  // signed out, as Clerk does. Only a Bearer token stands on its own.
  if (credentials.headerToken === undefined && !credentials.clientUat) {
    return notSignedIn(
      options,
      "signed-out",
      "session-token-without-client-uat",
      "The client has signed out; its session cookie is no longer valid.",
    );
  }

  const refused = (err: unknown): RequestState => {
    if (!(err instanceof TokenVerificationError)) {
      return notSignedIn(options, "signed-out", "unexpected-error", "Verification failed.");
    }
    const renewable = RENEWABLE[err.code];
    if (renewable && credentials.headerToken === undefined) return renewOr(renewable, err.message);
    return notSignedIn(options, "signed-out", err.code, err.message);
  };
  const verified = (claims: JwtPayload): RequestState => {
    if (
      credentials.clientUat !== undefined &&
      typeof claims.iat === "number" &&
      claims.iat < credentials.clientUat
    ) {
      return renewOr(
        "session-token-iat-before-client-uat",
        "The session token predates the client's last sign-in or sign-out.",
      );
    }
    return signedIn(options, token, claims);
  };

  // Cached tokens and known keys verify synchronously: no extra await on that path.
  let claims: JwtPayload | Promise<JwtPayload>;
  try {
    claims = verifier.verify(token);
  } catch (err) {
    return refused(err);
  }
  return claims instanceof Promise ? claims.then(verified, refused) : verified(claims);
}

/** Fields every state shares; a class, so creating a state is one cheap allocation. */
abstract class BaseState {
  readonly tokenType = "session_token" as const;
  readonly publishableKey: string | undefined;
  readonly signInUrl: string | undefined;
  readonly signUpUrl: string | undefined;
  private responseHeaders: Headers | undefined;

  constructor(options: AuthenticateRequestOptions) {
    this.publishableKey = options.publishableKey;
    this.signInUrl = options.signInUrl;
    this.signUpUrl = options.signUpUrl;
  }

  /** Headers to add to the response (created on first use). */
  get headers(): Headers {
    this.responseHeaders ??= new Headers();
    return this.responseHeaders;
  }
}

class SignedIn extends BaseState implements SignedInState {
  readonly status = "signed-in" as const;
  readonly reason = null;
  readonly message = null;
  readonly isSignedIn = true as const;
  readonly isAuthenticated = true as const;
  private auth: SignedInAuthObject | undefined;

  constructor(
    private readonly options: AuthenticateRequestOptions,
    readonly token: string,
    private readonly claims: Parameters<typeof signedInAuthObject>[1],
  ) {
    super(options);
  }

  toAuth(): SignedInAuthObject {
    this.auth ??= signedInAuthObject(this.token, this.claims, this.options.templateTokenFetcher);
    return this.auth;
  }
}

class NotSignedIn extends BaseState {
  readonly isSignedIn = false as const;
  readonly isAuthenticated = false as const;
  readonly token = null;

  constructor(
    options: AuthenticateRequestOptions,
    readonly status: "signed-out" | "needs-renewal",
    readonly reason: AuthErrorReason,
    readonly message: string,
  ) {
    super(options);
  }

  toAuth(): SignedOutAuthObject {
    return signedOutAuthObject({ reason: this.reason, message: this.message });
  }
}

function signedIn(
  options: AuthenticateRequestOptions,
  token: string,
  claims: Parameters<typeof signedInAuthObject>[1],
): SignedInState {
  return new SignedIn(options, token, claims);
}

function notSignedIn(
  options: AuthenticateRequestOptions,
  status: "signed-out" | "needs-renewal",
  reason: AuthErrorReason,
  message: string,
): SignedOutState | NeedsRenewalState {
  return new NotSignedIn(options, status, reason, message) as SignedOutState | NeedsRenewalState;
}
