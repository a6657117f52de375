import { resolveRedirectUrl } from "../../components/internal/resolve-redirect-url.js";
import type { RedirectSettings } from "../clerk-context.js";
import { withRedirectUrl } from "../navigation.js";
import type { EnvironmentJson } from "../resources/fapi-json.js";
import type { HandleOAuthCallbackParams } from "./handle-oauth-callback-params.js";

/** Where the callback page may send the person, all resolved. */
export interface RedirectCallbackTargets {
  afterSignIn: string;
  afterSignUp: string;
  signIn: string;
  signUp: string;
  firstFactor: string;
  secondFactor: string;
  verifyEmailAddress: string;
  /** Null: the app has no step for a sign-up's other missing fields. */
  continueSignUp: string | null;
}

function defined(value: string | null | undefined): string | undefined {
  return value ?? undefined;
}

function step(page: string, name: string): string {
  const [path = "", query] = page.split("?");
  const base = `${path.replace(/\/+$/, "")}/${name}`;
  return query === undefined ? base : `${base}?${query}`;
}

/**
 * The callback page's targets: after sign-in/up, the parameters' force URL, else the completion
 * URL the flow carried to the page (`redirect_url`), else the parameters' and the provider's
 * fallbacks; steps still to take (second factor, email code) carry the completion URL on, so
 * the sign-in or sign-up page ends where the flow was meant to.
 *
 * @example
 * redirectCallbackTargets({ signInFallbackRedirectUrl: "/dashboard" }, redirects, environment);
 */
export function redirectCallbackTargets(
  params: HandleOAuthCallbackParams,
  redirects: RedirectSettings,
  environment: EnvironmentJson | null,
): RedirectCallbackTargets {
  const redirectUrl = defined(params.redirectUrl);
  const afterSignIn = resolveRedirectUrl(
    "signIn",
    {
      forceRedirectUrl: defined(params.signInForceRedirectUrl),
      fallbackRedirectUrl: defined(params.signInFallbackRedirectUrl),
      afterSignInUrl: defined(params.afterSignInUrl),
      redirectUrl,
    },
    redirects,
    environment,
  );
  const afterSignUp = resolveRedirectUrl(
    "signUp",
    {
      forceRedirectUrl: defined(params.signUpForceRedirectUrl),
      fallbackRedirectUrl: defined(params.signUpFallbackRedirectUrl),
      afterSignUpUrl: defined(params.afterSignUpUrl),
      redirectUrl,
    },
    redirects,
    environment,
  );
  const signIn = params.signInUrl ?? redirects.signInUrl;
  const signUp = params.signUpUrl ?? redirects.signUpUrl;
  return {
    afterSignIn,
    afterSignUp,
    signIn,
    signUp,
    firstFactor: withRedirectUrl(params.firstFactorUrl ?? step(signIn, "factor-one"), afterSignIn),
    secondFactor: withRedirectUrl(
      params.secondFactorUrl ?? step(signIn, "factor-two"),
      afterSignIn,
    ),
    verifyEmailAddress: withRedirectUrl(
      params.verifyEmailAddressUrl ?? step(signUp, "verify-email-address"),
      afterSignUp,
    ),
    continueSignUp: params.continueSignUpUrl
      ? withRedirectUrl(params.continueSignUpUrl, afterSignUp)
      : null,
  };
}
