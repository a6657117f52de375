import type { RedirectSettings } from "../../internal/clerk-context.js";
import { redirectUrlFromLocation, safeRedirectUrl } from "../../internal/navigation.js";
import type { EnvironmentJson } from "../../internal/resources/fapi-json.js";

/** Redirect props of `<SignIn>` / `<SignUp>` (Clerk's names). */
export interface RedirectProps {
  /** Always go here after completion. */
  forceRedirectUrl?: string;
  /** Go here when the page has no `redirect_url`. */
  fallbackRedirectUrl?: string;
  /** Clerk's older name: where to go after completion. */
  redirectUrl?: string;
  afterSignInUrl?: string;
  afterSignUpUrl?: string;
}

/**
 * Where a completed sign-in or sign-up goes: the force URL, else the page's safe `redirect_url`,
 * else the component's props, else the provider's fallback, else the instance's configured page
 * (when on this origin), else `/`.
 *
 * @example
 * resolveRedirectUrl("signIn", { afterSignInUrl: "/dashboard" }, redirects, environment);
 */
export function resolveRedirectUrl(
  kind: "signIn" | "signUp",
  props: RedirectProps,
  redirects: RedirectSettings,
  environment: EnvironmentJson | null,
): string {
  const force =
    props.forceRedirectUrl ??
    (kind === "signIn" ? redirects.signInForceRedirectUrl : redirects.signUpForceRedirectUrl);
  if (force) return force;
  const fromPage = redirectUrlFromLocation();
  if (fromPage) return fromPage;
  const own = kind === "signIn" ? props.afterSignInUrl : props.afterSignUpUrl;
  const fallback =
    props.redirectUrl ??
    own ??
    props.fallbackRedirectUrl ??
    (kind === "signIn" ? redirects.signInFallbackRedirectUrl : redirects.signUpFallbackRedirectUrl);
  if (fallback) return fallback;
  const configured =
    kind === "signIn"
      ? environment?.display_config?.after_sign_in_url
      : environment?.display_config?.after_sign_up_url;
  return safeRedirectUrl(configured) ?? "/";
}
