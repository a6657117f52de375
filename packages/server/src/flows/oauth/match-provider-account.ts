import type { ExternalAccountRecord, ProviderAccount } from "../../store/external-account-store.js";
import type { Store, UserRecord } from "../../store/store.js";
import { findSignInUser } from "../sign-in/find-sign-in-user.js";

/**
 * Who a provider account belongs to here: a user it is linked to; a user who holds its email
 * address (which may be linked only when both the provider and the user verified it); or no one.
 */
export type AccountMatch =
  | { kind: "linked"; user: UserRecord; externalAccount: ExternalAccountRecord }
  | { kind: "same_email"; user: UserRecord; mayLink: boolean }
  | { kind: "new" };

/**
 * Finds who a provider account belongs to: first by the provider's user id (a linked account),
 * then by email address. An address links an account to an existing user only when the provider
 * says it verified it and the user's own copy is verified too; anything else must not take over
 * someone's account.
 *
 * @example
 * const match = await matchProviderAccount(store, account);
 * if (match.kind === "same_email" && !match.mayLink) throw new ApiError("oauth_email_unverified");
 */
export async function matchProviderAccount(
  store: Pick<Store, "findExternalAccount" | "getUser" | "listUsers">,
  account: ProviderAccount,
): Promise<AccountMatch> {
  const externalAccount = await store.findExternalAccount(account.strategy, account.providerUserId);
  if (externalAccount !== null) {
    const user = await store.getUser(externalAccount.userId);
    if (user !== null) return { kind: "linked", user, externalAccount };
  }
  if (account.emailAddress === null) return { kind: "new" };
  const user = await findSignInUser(store, account.emailAddress);
  if (user === null) return { kind: "new" };
  const own = user.emailAddresses.find(
    (e) => e.emailAddress.toLowerCase() === account.emailAddress?.toLowerCase(),
  );
  const mayLink = account.emailAddressVerified && own?.verification?.status === "verified";
  return { kind: "same_email", user, mayLink };
}
