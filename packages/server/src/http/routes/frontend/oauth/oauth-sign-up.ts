import { ApiError } from "../../../../errors/api-error.js";
import type { SignUpPatch, SignUpRecord } from "../../../../store/frontend-store.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { SIGN_UP_ABANDON_MS } from "../attempt-lifetimes.js";
import { signUpWithProviderAccount } from "./sign-up-with-provider-account.js";
import {
  checkOAuthStart,
  type OAuthStart,
  startAttemptRedirect,
} from "./start-attempt-redirect.js";

type Context = ClientRouteContext<string, unknown, unknown>;

/** A new sign-up with the given fields, made the client's current one. */
async function newSignUp(context: Context, patch: SignUpPatch): Promise<SignUpRecord> {
  const { store, clock, auth } = context;
  const client = await auth.ensureClient();
  const signUp = await store.createSignUp({
    clientId: client.id,
    abandonAt: clock.now() + SIGN_UP_ABANDON_MS,
    patch,
  });
  await store.setClientAttempts(client.id, { signUpId: signUp.id });
  return signUp;
}

/**
 * `POST /v1/client/sign_ups` with `strategy=oauth_<provider>`: a sign-up verified by the
 * provider (`verifications.external_account.external_verification_redirect_url` is where the
 * browser goes next; it comes back through `/v1/oauth_callback` to `redirect_url`). Other fields
 * given (names, `unsafe_metadata`, legal acceptance) are kept.
 *
 * @throws `form_param_missing` (`redirect_url`), `oauth_strategy_not_enabled` (422)
 * @example
 * const signUp = await startOAuthSignUp(context, { strategy: "oauth_google", redirectUrl }, patch);
 */
export async function startOAuthSignUp(
  context: Context,
  input: OAuthStart,
  patch: SignUpPatch,
): Promise<SignUpRecord> {
  checkOAuthStart(context, input);
  const signUp = await newSignUp(context, patch);
  const verification = await startAttemptRedirect(
    context,
    signUp.clientId,
    { signUpId: signUp.id },
    input,
  );
  return context.store.updateSignUp(signUp.id, { externalAccountVerification: verification });
}

/**
 * `POST /v1/client/sign_ups` with `transfer=true`: the client's OAuth sign-in found no account
 * here (`external_account_not_found`), so a sign-up takes over the provider account and completes
 * as an OAuth sign-up does (fields given with it, such as `unsafe_metadata`, are kept).
 *
 * @throws `form_param_value_invalid` (`transfer`) when the client has no transferable sign-in
 * @example
 * const signUp = await transferToSignUp(context, patch);
 */
export async function transferToSignUp(
  context: Context,
  patch: SignUpPatch,
): Promise<SignUpRecord> {
  const { store, auth } = context;
  const client = auth.requireClient();
  const signIn = client.signInId === null ? null : await store.getSignIn(client.signInId);
  const redirect =
    signIn === null || signIn.firstFactorVerification?.status !== "transferable"
      ? null
      : await store.findTransferableOAuthRedirect(client.id, { signInId: signIn.id });
  if (redirect === null || redirect.account === null) {
    throw new ApiError("form_param_value_invalid", { paramName: "transfer" });
  }
  const signUp = await newSignUp(context, patch);
  return signUpWithProviderAccount(context, signUp, redirect.account, redirect.id);
}
