import { ApiError } from "../../../../errors/api-error.js";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { SIGN_IN_ABANDON_MS } from "../attempt-lifetimes.js";
import { signInWithProviderAccount } from "./sign-in-with-provider-account.js";
import {
  checkOAuthStart,
  type OAuthStart,
  startAttemptRedirect,
} from "./start-attempt-redirect.js";

type Context = ClientRouteContext<string, unknown, unknown>;

/** A new sign-in waiting for its first factor, made the client's current one. */
async function newSignIn(context: Context): Promise<SignInRecord> {
  const { store, clock, auth } = context;
  const client = await auth.ensureClient();
  const signIn = await store.createSignIn({
    clientId: client.id,
    abandonAt: clock.now() + SIGN_IN_ABANDON_MS,
    patch: { status: "needs_first_factor", identifier: null, userId: null },
  });
  await store.setClientAttempts(client.id, { signInId: signIn.id });
  return signIn;
}

/**
 * `POST /v1/client/sign_ins` with `strategy=oauth_<provider>`: a sign-in whose first factor is
 * the provider's (`first_factor_verification.external_verification_redirect_url` is where the
 * browser goes next; it comes back through `/v1/oauth_callback` to `redirect_url`).
 *
 * @throws `form_param_missing` (`redirect_url`), `oauth_strategy_not_enabled` (422)
 * @example
 * const signIn = await startOAuthSignIn(context, { strategy: "oauth_google", redirectUrl });
 */
export async function startOAuthSignIn(context: Context, input: OAuthStart): Promise<SignInRecord> {
  checkOAuthStart(context, input);
  const signIn = await newSignIn(context);
  const verification = await startAttemptRedirect(
    context,
    signIn.clientId,
    { signInId: signIn.id },
    input,
  );
  return context.store.updateSignIn(signIn.id, { firstFactorVerification: verification });
}

/**
 * `POST /v1/client/sign_ins` with `transfer=true`: the client's OAuth sign-up found an account
 * that exists here (`external_account_exists`), so a sign-in takes over the provider account the
 * sign-up received and goes on as the callback would have (linking rules included).
 *
 * @throws `form_param_value_invalid` (`transfer`) when the client has no transferable sign-up
 * @example
 * const signIn = await transferToSignIn(context);
 */
export async function transferToSignIn(context: Context): Promise<SignInRecord> {
  const { store, auth } = context;
  const client = auth.requireClient();
  const signUp = client.signUpId === null ? null : await store.getSignUp(client.signUpId);
  const redirect =
    signUp === null || signUp.externalAccountVerification?.status !== "transferable"
      ? null
      : await store.findTransferableOAuthRedirect(client.id, { signUpId: signUp.id });
  if (redirect === null || redirect.account === null) {
    throw new ApiError("form_param_value_invalid", { paramName: "transfer" });
  }
  const signIn = await newSignIn(context);
  await store.handOverOAuthRedirect(redirect.id, { signInId: signIn.id });
  const started = await store.updateSignIn(signIn.id, {
    firstFactorVerification: {
      strategy: redirect.strategy,
      status: "unverified",
      attempts: null,
      expireAt: redirect.expireAt,
    },
  });
  const updated = await signInWithProviderAccount(context, started, redirect.account, redirect.id);
  await store.setClientAttempts(client.id, { signInId: updated.id });
  return updated;
}
