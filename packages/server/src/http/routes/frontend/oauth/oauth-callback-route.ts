import { z } from "zod";
import { ApiError, isApiError } from "../../../../errors/api-error.js";
import { receiveProviderAccount } from "../../../../flows/oauth/receive-provider-account.js";
import { oauthStateHash } from "../../../../flows/oauth/start-oauth-redirect.js";
import type { OAuthRedirectRecord } from "../../../../store/external-account-store.js";
import type { Store } from "../../../../store/store.js";
import { defineRoute } from "../../../define-route.js";
import { oauthVerification } from "./oauth-verification.js";
import { signInWithProviderAccount } from "./sign-in-with-provider-account.js";
import { signUpWithProviderAccount } from "./sign-up-with-provider-account.js";

/** What providers send back (others, such as `iss` or `session_state`, are ignored). */
const callbackQuery = z.object({
  state: z.string().optional(),
  code: z.string().optional(),
  error: z.string().optional(),
  scope: z.string().optional(),
});

/** Records a refused provider answer on the sign-in or sign-up the redirect belongs to. */
async function recordFailure(
  store: Store,
  redirect: OAuthRedirectRecord,
  error: ApiError,
): Promise<void> {
  if (redirect.signInId !== null) {
    const signIn = await store.getSignIn(redirect.signInId);
    if (signIn === null) return;
    await store.updateSignIn(signIn.id, {
      firstFactorVerification: oauthVerification(signIn.firstFactorVerification, "failed", error),
    });
  } else if (redirect.signUpId !== null) {
    const signUp = await store.getSignUp(redirect.signUpId);
    if (signUp === null) return;
    await store.updateSignUp(signUp.id, {
      externalAccountVerification: oauthVerification(
        signUp.externalAccountVerification,
        "failed",
        error,
      ),
    });
  }
}

/**
 * `GET /v1/oauth_callback`: where a provider sends the browser back with `code` and `state` (or
 * `error`). The state must name a redirect in flight (once, within ten minutes) started by this
 * very browser's client; anything else is `oauth_callback_invalid` and changes nothing. The code
 * is exchanged and the ID token verified (`receiveProviderAccount`), then the sign-in or sign-up
 * goes on with the account; what the provider or the checks refused is recorded on it as the
 * verification's error. Either way the browser is sent on (303) to the attempt's `redirect_url`,
 * the app's callback page, which reads the outcome from the client.
 *
 * @throws `oauth_callback_invalid` (400)
 */
export const oauthCallbackRoute = defineRoute({
  method: "GET",
  path: "/v1/oauth_callback",
  auth: "client",
  query: callbackQuery,
  handler: async (context) => {
    const { query, store, clock, auth, frontend } = context;
    const redirect =
      query.state === undefined || query.state === ""
        ? null
        : await store.consumeOAuthRedirect(oauthStateHash(query.state), clock.now());
    if (redirect === null || auth.client === null || auth.client.id !== redirect.clientId) {
      throw new ApiError("oauth_callback_invalid");
    }
    const goOn = () =>
      new Response(null, { status: 303, headers: { Location: redirect.redirectUrl } });
    let account: Awaited<ReturnType<typeof receiveProviderAccount>>;
    try {
      account = await receiveProviderAccount(frontend.oauth, redirect, query);
    } catch (error) {
      if (!isApiError(error)) throw error;
      await recordFailure(store, redirect, error);
      return goOn();
    }
    if (redirect.signInId !== null) {
      const signIn = await store.getSignIn(redirect.signInId);
      if (signIn !== null && signIn.status === "needs_first_factor") {
        const updated = await signInWithProviderAccount(context, signIn, account, redirect.id);
        // The callback page reads the finished sign-in (and its session) from the client.
        await store.setClientAttempts(redirect.clientId, { signInId: updated.id });
      }
    } else if (redirect.signUpId !== null) {
      const signUp = await store.getSignUp(redirect.signUpId);
      if (signUp !== null && signUp.status === "missing_requirements") {
        await signUpWithProviderAccount(context, signUp, account, redirect.id);
      }
    }
    return goOn();
  },
});
