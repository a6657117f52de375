import { ApiError } from "../../../../errors/api-error.js";
import { startOAuthRedirect } from "../../../../flows/oauth/start-oauth-redirect.js";
import type { FactorVerification } from "../../../../store/frontend-store.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { oauthCallbackUrl } from "./oauth-callback-url.js";

/** What a sign-in or sign-up names when it starts with a provider. */
export interface OAuthStart {
  strategy: string;
  redirectUrl: string | undefined;
  actionCompleteRedirectUrl?: string;
}

/**
 * Checks an OAuth start before anything is written: a `redirect_url` (its origin was checked by
 * the route) and an enabled strategy.
 *
 * @throws `form_param_missing` (`redirect_url`), `oauth_strategy_not_enabled` (422)
 * @example
 * const redirectUrl = checkOAuthStart(context, input);
 */
export function checkOAuthStart(
  context: Pick<ClientRouteContext<string, unknown, unknown>, "frontend">,
  input: OAuthStart,
): string {
  if (input.redirectUrl === undefined || input.redirectUrl === "") {
    throw new ApiError("form_param_missing", { paramName: "redirect_url" });
  }
  context.frontend.oauth.client(input.strategy);
  return input.redirectUrl;
}

/**
 * Starts the provider redirect of a new sign-in or sign-up (see `startOAuthRedirect`), with the
 * callback where this browser reaches the Frontend API; answers the verification to record.
 *
 * @example
 * const verification = await startAttemptRedirect(context, signIn.clientId, { signInId: signIn.id }, input);
 */
export function startAttemptRedirect(
  context: ClientRouteContext<string, unknown, unknown>,
  clientId: string,
  attempt: { signInId: string } | { signUpId: string },
  input: OAuthStart,
): Promise<FactorVerification> {
  const { store, clock, frontend } = context;
  return startOAuthRedirect(
    { store, oauth: frontend.oauth, now: clock.now() },
    {
      clientId,
      attempt,
      strategy: input.strategy,
      callbackUrl: oauthCallbackUrl(context),
      redirectUrl: checkOAuthStart(context, input),
      actionCompleteRedirectUrl: input.actionCompleteRedirectUrl ?? null,
    },
  );
}
