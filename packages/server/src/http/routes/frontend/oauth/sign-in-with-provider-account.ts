import { ApiError, isApiError } from "../../../../errors/api-error.js";
import { linkProviderAccount } from "../../../../flows/oauth/link-provider-account.js";
import { matchProviderAccount } from "../../../../flows/oauth/match-provider-account.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { afterFirstFactor } from "../../../../flows/sign-in/complete-sign-in.js";
import type { ProviderAccount } from "../../../../store/external-account-store.js";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { UserRecord } from "../../../../store/store.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { oauthVerification } from "./oauth-verification.js";

type Context = Pick<
  ClientRouteContext<string, unknown, unknown>,
  "store" | "clock" | "auth" | "settings" | "logger" | "frontend"
>;

/**
 * Finishes an OAuth sign-in with the account the provider vouched for. A linked account signs its
 * user in (tokens refreshed); an unlinked one whose email address the provider and the user both
 * verified is linked first (`user.updated`); an address either side has not verified is refused
 * (`oauth_email_unverified`, nothing linked); an unknown account makes the sign-in
 * `transferable` to a sign-up (`external_account_not_found`), the account kept on the redirect.
 * A banned or locked user's sign-in fails with that error. Users with two-step verification
 * continue at `needs_second_factor`.
 *
 * @example
 * const updated = await signInWithProviderAccount(context, signIn, account, redirect.id);
 */
export async function signInWithProviderAccount(
  context: Context,
  signIn: SignInRecord,
  account: ProviderAccount,
  redirectId: string,
): Promise<SignInRecord> {
  const { store, clock } = context;
  const current = signIn.firstFactorVerification ?? {
    strategy: account.strategy,
    status: "unverified" as const,
    attempts: null,
    expireAt: null,
  };
  const fail = (status: "failed" | "transferable", error: ApiError) =>
    store.updateSignIn(signIn.id, {
      firstFactorVerification: oauthVerification(current, status, error),
    });
  const match = await matchProviderAccount(store, account);
  let user: UserRecord;
  if (match.kind === "linked") {
    await store.updateExternalAccountTokens(match.externalAccount.id, account);
    user = match.user;
  } else if (match.kind === "same_email" && match.mayLink) {
    user = (await linkProviderAccount(store, match.user.id, account)).user;
  } else if (match.kind === "same_email") {
    return fail("failed", new ApiError("oauth_email_unverified"));
  } else {
    await store.setOAuthRedirectAccount(redirectId, account);
    return fail("transferable", new ApiError("external_account_not_found"));
  }
  try {
    checkUserMaySignIn(user, clock.now());
  } catch (error) {
    if (isApiError(error)) return fail("failed", error);
    throw error;
  }
  const identified = await store.updateSignIn(signIn.id, {
    userId: user.id,
    identifier: account.emailAddress ?? user.username,
  });
  const step = await context.auth.signingIn((flow) =>
    afterFirstFactor(flow, identified, user, oauthVerification(current, "verified")),
  );
  return step.signIn;
}
