import { ApiError } from "../../errors/api-error.js";
import type { ExternalAccountRecord } from "../../store/external-account-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { raiseUserUpdated } from "../users/change-user.js";

/**
 * Unlinks one of a user's provider accounts (its tokens go with it) in one transaction under the
 * user's lock, raising `user.updated`. The user keeps a way in: every user has a verified email
 * address (sign-up requires one), usable with an email code.
 *
 * @throws `resource_not_found` (404, `external_account_id`) for an account that is not the user's
 * @example
 * const { externalAccount } = await unlinkProviderAccount(store, user.id, params.external_account_id);
 */
export function unlinkProviderAccount(
  store: TransactionalStore,
  userId: string,
  externalAccountId: string,
): Promise<FlowResult<{ externalAccount: ExternalAccountRecord }>> {
  return runFlow(store, async (tx) => {
    await tx.lockUser(userId);
    const account = await tx.getExternalAccount(externalAccountId);
    if (account === null || account.userId !== userId) {
      throw new ApiError("resource_not_found", { paramName: "external_account_id" });
    }
    await tx.deleteExternalAccount(account.id);
    await raiseUserUpdated(tx, userId);
    return { externalAccount: account };
  });
}
