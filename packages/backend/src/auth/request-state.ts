import type { TokenVerificationErrorReason } from "../tokens/token-verification-error.js";
import type { SignedInAuthObject, SignedOutAuthObject } from "./auth-object.js";

/** The three outcomes of request authentication. */
export const AuthStatus = {
  SignedIn: "signed-in",
  SignedOut: "signed-out",
  /** A page load whose session token is missing, expired or stale while the client may be live. */
  NeedsRenewal: "needs-renewal",
} as const;

/** One of {@link AuthStatus}. */
export type AuthStatus = (typeof AuthStatus)[keyof typeof AuthStatus];

/** Why a request is not signed in. */
export type AuthErrorReason =
  | "session-token-and-uat-missing"
  | "client-uat-but-no-session-token"
  | "session-token-without-client-uat"
  | "session-token-expired"
  | "session-token-nbf"
  | "session-token-iat-in-the-future"
  | "session-token-iat-before-client-uat"
  | "unexpected-error"
  | TokenVerificationErrorReason;

interface RequestStateCommon {
  /** Headers the caller should add to its response (none today; kept for Clerk's shape). */
  headers: Headers;
  tokenType: "session_token";
  publishableKey: string | undefined;
  signInUrl: string | undefined;
  signUpUrl: string | undefined;
}

/** A request with a valid session token. */
export interface SignedInState extends RequestStateCommon {
  status: "signed-in";
  reason: null;
  message: null;
  isSignedIn: true;
  isAuthenticated: true;
  token: string;
  toAuth(): SignedInAuthObject;
}

/** What a request without a valid session answers, whether or not it may be renewed. */
interface NotSignedInState extends RequestStateCommon {
  reason: AuthErrorReason;
  message: string;
  isSignedIn: false;
  isAuthenticated: false;
  token: null;
  toAuth(): SignedOutAuthObject;
}

/** A request without a valid session, and why. */
export interface SignedOutState extends NotSignedInState {
  status: "signed-out";
}

/** A page load that should get a fresh session token before it is answered. */
export interface NeedsRenewalState extends NotSignedInState {
  status: "needs-renewal";
}

/** The result of `authenticateRequest`. */
export type RequestState = SignedInState | SignedOutState | NeedsRenewalState;
