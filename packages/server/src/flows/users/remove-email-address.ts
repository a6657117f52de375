import { ApiError } from "../../errors/api-error.js";
import type { EmailAddressRecord } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { changeIdentification } from "./change-user.js";

/**
 * Removes one of a user's email addresses on their own behalf (`<UserProfile/>`), raising
 * `user.updated`. Unlike the Backend API, the primary address is never removed this way, not even
 * the last one: the user makes another one primary first. The primary is read under the user's
 * row lock, so a concurrent `PATCH /v1/me` cannot slip in between.
 *
 * @throws ApiError `primary_identification_deletion_forbidden` (409) for the primary address;
 *   `resource_not_found` (`email_id`) when the user or the address is gone
 * @example
 * const removed = await removeEmailAddress(store, user.id, emailAddress.id);
 */
export async function removeEmailAddress(
  store: TransactionalStore,
  userId: string,
  emailAddressId: string,
): Promise<EmailAddressRecord> {
  const { identification } = await changeIdentification(store, async (tx) => {
    const user = await tx.lockUser(userId);
    if (user === null) return null;
    if (user.primaryEmailAddressId === emailAddressId) {
      throw new ApiError("primary_identification_deletion_forbidden", {
        longMessage: "The primary email address cannot be removed; make another one primary first.",
      });
    }
    return tx.deleteEmailAddress(emailAddressId);
  });
  if (identification === null) throw new ApiError("resource_not_found", { paramName: "email_id" });
  return identification;
}
