/**
 * Parameters of `handleRedirectCallback()` and props of `<AuthenticateWithRedirectCallback/>`
 * (Clerk's `HandleOAuthCallbackParams`): where the callback page sends the person next.
 * Left out, each comes from the provider (`signInUrl`, its fallback redirect URLs) or from the
 * completion URL the flow was started with.
 */
export interface HandleOAuthCallbackParams {
  /** The sign-in page (default: the provider's `signInUrl`). */
  signInUrl?: string;
  /** The sign-up page (default: the provider's `signUpUrl`). */
  signUpUrl?: string;
  /** Always go here after a sign-in. */
  signInForceRedirectUrl?: string | null;
  /** After a sign-in, when the flow named no completion URL. */
  signInFallbackRedirectUrl?: string | null;
  /** Always go here after a sign-up. */
  signUpForceRedirectUrl?: string | null;
  /** After a sign-up, when the flow named no completion URL. */
  signUpFallbackRedirectUrl?: string | null;
  /** Clerk's older names. */
  afterSignInUrl?: string | null;
  afterSignUpUrl?: string | null;
  redirectUrl?: string | null;
  /** Where a sign-up that still misses fields (other than a verified email) goes on. */
  continueSignUpUrl?: string | null;
  /** The sign-in's first factor step (default: `<signInUrl>/factor-one`). */
  firstFactorUrl?: string;
  /** The sign-in's second factor step (default: `<signInUrl>/factor-two`). */
  secondFactorUrl?: string;
  /** The sign-up's email code step (default: `<signUpUrl>/verify-email-address`). */
  verifyEmailAddressUrl?: string | null;
  /**
   * Whether an unknown provider account may become a new user (sign-in → sign-up), and a known
   * one sign in from a sign-up (default `true`); when `false` the person goes back to sign in.
   */
  transferable?: boolean;
  /** Metadata of the user a sign-in turned sign-up creates. */
  unsafeMetadata?: Record<string, unknown>;
}
