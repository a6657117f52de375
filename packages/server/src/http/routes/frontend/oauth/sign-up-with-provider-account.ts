import { ApiError } from "../../../../errors/api-error.js";
import { matchProviderAccount } from "../../../../flows/oauth/match-provider-account.js";
import { completeSignUpIfReady } from "../../../../flows/sign-up/complete-sign-up.js";
import type { ProviderAccount } from "../../../../store/external-account-store.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { oauthVerification } from "./oauth-verification.js";

type Context = Pick<ClientRouteContext<string, unknown, unknown>, "store" | "clock" | "auth">;

/**
 * Finishes an OAuth sign-up with the account the provider vouched for (kept on the redirect, whose
 * sign-up it now is). An account or email address someone here already has makes the sign-up
 * `transferable` to a sign-in (`external_account_exists`), where the linking rules apply. A new
 * one fills in the address (verified when the provider verified it, else to be verified by code)
 * and the names, and the sign-up completes when nothing else is missing: the user is created
 * with the account linked (`user.created`) and signed in.
 *
 * @example
 * const updated = await signUpWithProviderAccount(context, signUp, account, redirect.id);
 */
export async function signUpWithProviderAccount(
  context: Context,
  signUp: SignUpRecord,
  account: ProviderAccount,
  redirectId: string,
): Promise<SignUpRecord> {
  const { store, clock } = context;
  const current = signUp.externalAccountVerification ?? {
    strategy: account.strategy,
    status: "unverified" as const,
    attempts: null,
    expireAt: null,
  };
  await store.setOAuthRedirectAccount(redirectId, account);
  await store.handOverOAuthRedirect(redirectId, { signUpId: signUp.id });
  const match = await matchProviderAccount(store, account);
  if (match.kind !== "new") {
    return store.updateSignUp(signUp.id, {
      externalAccountVerification: oauthVerification(
        current,
        "transferable",
        new ApiError("external_account_exists"),
      ),
    });
  }
  const filled = await store.updateSignUp(signUp.id, {
    externalAccountVerification: oauthVerification(current, "verified"),
    ...(account.emailAddress === null
      ? {}
      : {
          emailAddress: account.emailAddress,
          emailVerifiedAt: account.emailAddressVerified ? clock.now() : null,
        }),
    firstName: signUp.firstName ?? account.firstName,
    lastName: signUp.lastName ?? account.lastName,
  });
  const completed = await context.auth.signingIn((flow) => completeSignUpIfReady(flow, filled));
  return completed.signUp;
}
