import type { TokenVerifier, Verification } from "../tokens/internal/token-verifier.js";
import { tokenVerifierFor } from "../tokens/internal/token-verifier-for.js";
import type { VerifyTokenOptions } from "../tokens/verify-token-options.js";
import {
  type SignedInAuthObject,
  type SignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
  type TemplateTokenFetcher,
} from "./auth-object.js";
import {
  isDocumentRequest,
  type RequestCredentials,
  readRequestCredentials,
} from "./internal/request-credentials.js";
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
 * The options may be a new object on every call: the key (and the tokens it verified) is kept
 * per key material, and `authorizedParties`, `audience` and the clock are read from each call.
 *
 * @throws {TokenVerificationError} `jwk-failed-to-resolve` when neither `jwtKey` nor `secretKey`
 *   is configured, `jwk-local-missing` when `jwtKey` is not an RSA public key (bad
 *   configuration is loud; bad tokens are states, never exceptions).
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
  const step = firstStep(request, options);
  if (step.decided) return step.state;
  return stateOf(step, await step.verifier.verify(step.token, options), options);
}

/**
 * What {@link authenticateRequestFromCache} knows without waiting: `settled` with the state
 * {@link authenticateRequest} answers, or `settled: false` when only {@link authenticateRequest}
 * can tell (the token's signature was not verified before).
 */
export type CachedAuthentication = { settled: true; state: RequestState } | { settled: false };

const NOT_SETTLED: CachedAuthentication = { settled: false };

/**
 * {@link authenticateRequest} without waiting, when it can: a request without a token, or whose
 * token's signature was verified before (its claims are checked again now, against these options
 * and the clock), is settled with the very state {@link authenticateRequest} answers; any other
 * request is not settled, and only {@link authenticateRequest} may then decide it.
 *
 * @throws {TokenVerificationError} as {@link authenticateRequest}, for bad configuration.
 * @example
 * ```ts
 * const cached = authenticateRequestFromCache(request, options);
 * const state = cached.settled ? cached.state : await authenticateRequest(request, options);
 * ```
 */
export function authenticateRequestFromCache(
  request: Request,
  options: AuthenticateRequestOptions,
): CachedAuthentication {
  const step = firstStep(request, options);
  if (step.decided) return { settled: true, state: step.state };
  const cached = step.verifier.verifyCached(step.token, options);
  if (!cached.settled) return NOT_SETTLED;
  return { settled: true, state: stateOf(step, cached.verification, options) };
}

/** A request decided by its credentials alone, or the token that decides it and its verifier. */
type FirstStep =
  | { decided: true; state: RequestState }
  | {
      decided: false;
      verifier: TokenVerifier;
      token: string;
      credentials: RequestCredentials;
      request: Request;
    };

/** Everything before the token's verification: which token, and the states that need none. */
function firstStep(request: Request, options: AuthenticateRequestOptions): FirstStep {
  const verifier = tokenVerifierFor(options);
  const credentials = readRequestCredentials(request);
  const token = credentials.headerToken ?? credentials.cookieToken;
  if (token === undefined) {
    if (!credentials.clientUat) {
      return decided(
        notSignedIn(
          options,
          "signed-out",
          "session-token-and-uat-missing",
          "The request has no session token and no client.",
        ),
      );
    }
    return decided(
      renewOr(
        request,
        credentials,
        options,
        "client-uat-but-no-session-token",
        "The client has signed in but the request carries no session token.",
      ),
    );
  }
  // A session cookie without a live client (`__client_uat` absent, 0 or malformed) is a leftover:
  // signed out, as Clerk does. Only a Bearer token stands on its own.
  if (credentials.headerToken === undefined && !credentials.clientUat) {
    return decided(
      notSignedIn(
        options,
        "signed-out",
        "session-token-without-client-uat",
        "The client has signed out; its session cookie is no longer valid.",
      ),
    );
  }
  return { decided: false, verifier, token, credentials, request };
}

function decided(state: RequestState): FirstStep {
  return { decided: true, state };
}

/** The request's state once its token's verification is known. */
function stateOf(
  step: Extract<FirstStep, { decided: false }>,
  verification: Verification,
  options: AuthenticateRequestOptions,
): RequestState {
  const { credentials, request, token } = step;
  if (verification.ok) {
    const { claims } = verification;
    if (
      credentials.clientUat !== undefined &&
      typeof claims.iat === "number" &&
      claims.iat < credentials.clientUat
    ) {
      return renewOr(
        request,
        credentials,
        options,
        "session-token-iat-before-client-uat",
        "The session token predates the client's last sign-in or sign-out.",
      );
    }
    return signedIn(options, token, claims);
  }
  const { error } = verification;
  if (CONFIGURATION_ERRORS.has(error.code)) throw error;
  const renewable = RENEWABLE[error.code];
  if (renewable && credentials.headerToken === undefined) {
    return renewOr(request, credentials, options, renewable, error.message);
  }
  return notSignedIn(options, "signed-out", error.code, error.message);
}

/** `needs-renewal` for a page load of a live client; `signed-out` otherwise. */
function renewOr(
  request: Request,
  credentials: RequestCredentials,
  options: AuthenticateRequestOptions,
  reason: AuthErrorReason,
  message: string,
): RequestState {
  return credentials.clientUat !== 0 && isDocumentRequest(request)
    ? notSignedIn(options, "needs-renewal", reason, message)
    : notSignedIn(options, "signed-out", reason, message);
}

/** Refusals that are the configuration's fault, not the token's: thrown, never a state. */
const CONFIGURATION_ERRORS: ReadonlySet<string> = new Set(["jwk-local-missing"]);

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
