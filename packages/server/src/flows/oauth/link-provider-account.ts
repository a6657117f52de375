import type { ExternalAccountRecord, ProviderAccount } from "../../store/external-account-store.js";
import type { UserRecord } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { raiseUserUpdated } from "../users/change-user.js";

/**
 * Links a provider account to a user in one transaction under the user's lock, raising
 * `user.updated` with the account in `external_accounts`.
 *
 * @throws `external_account_exists` (the account is linked already), `resource_not_found` (the
 *   user is gone)
 * @example
 * const { user, externalAccount } = await linkProviderAccount(store, user.id, account);
 */
export function linkProviderAccount(
  store: TransactionalStore,
  userId: string,
  account: ProviderAccount,
): Promise<FlowResult<{ user: UserRecord; externalAccount: ExternalAccountRecord }>> {
  return runFlow(store, async (tx) => {
    await tx.lockUser(userId);
    const externalAccount = await tx.insertExternalAccount(userId, account);
    const user = await raiseUserUpdated(tx, userId);
    return { user, externalAccount };
  });
}
