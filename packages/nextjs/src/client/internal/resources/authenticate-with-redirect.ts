import { LatchkeyClientError } from "../../latchkey-client-error.js";
import { absoluteUrl } from "../navigation.js";
import type { ResourceHost } from "./resource-host.js";
import type { Verification } from "./verification.js";

/** A social connection's strategy, `oauth_<provider>` (Clerk's `OAuthStrategy`). */
export type OAuthStrategy = `oauth_${string}`;

/** `signIn.authenticateWithRedirect()` parameters (Clerk's `AuthenticateWithRedirectParams`). */
export interface AuthenticateWithRedirectParams {
  strategy: OAuthStrategy;
  /**
   * The app's callback page, which renders `<AuthenticateWithRedirectCallback/>` (e.g.
   * `/sso-callback`); relative URLs are resolved against the current page.
   */
  redirectUrl: string;
  /** Where the person lands once signed in or up (relative URLs allowed). */
  redirectUrlComplete: string;
}

/** The parameters of the attempt that starts a redirect flow (sent to `create()`). */
export interface RedirectFlowStart {
  strategy: OAuthStrategy;
  redirectUrl: string;
  actionCompleteRedirectUrl: string;
}

/**
 * The attempt parameters of a redirect flow: both URLs made absolute (the instance checks their
 * origins), and the completion URL also carried to the callback page as its `redirect_url`, so
 * `<AuthenticateWithRedirectCallback/>` knows where to go without anything stored.
 *
 * @example
 * redirectFlowStart({ strategy: "oauth_google", redirectUrl: "/sso-callback", redirectUrlComplete: "/" });
 * // { strategy, redirectUrl: "https://app.example/sso-callback?redirect_url=https%3A%2F%2Fapp.example%2F", … }
 */
export function redirectFlowStart(params: AuthenticateWithRedirectParams): RedirectFlowStart {
  const complete = absoluteUrl(params.redirectUrlComplete);
  const callback = absoluteUrl(params.redirectUrl);
  let redirectUrl = callback;
  try {
    const url = new URL(callback);
    url.searchParams.set("redirect_url", complete);
    redirectUrl = url.href;
  } catch {
    // Outside a browser a relative URL stays as given; the instance then says it is invalid.
  }
  return { strategy: params.strategy, redirectUrl, actionCompleteRedirectUrl: complete };
}

/**
 * Sends the window to the provider's sign-in page named by the started attempt's verification.
 *
 * @throws {LatchkeyClientError} `external-redirect-missing` when the verification names none.
 * @example
 * leaveForProvider(host, signIn.firstFactorVerification);
 */
export function leaveForProvider(host: ResourceHost, started: Verification | null): void {
  const url = started?.externalVerificationRedirectURL;
  if (!url) {
    throw new LatchkeyClientError(
      "external-redirect-missing",
      "The instance did not say where the provider's sign-in page is.",
    );
  }
  host.windowNavigate(url.href);
}
