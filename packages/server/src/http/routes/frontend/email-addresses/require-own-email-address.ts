import { ApiError } from "../../../../errors/api-error.js";
import type { EmailAddressRecord, Store } from "../../../../store/store.js";

/**
 * Loads one of the signed-in user's email addresses. Another user's address answers exactly like
 * one that does not exist, so ids cannot be probed.
 *
 * @throws `resource_not_found` (404, `email_id`)
 * @example
 * const emailAddress = await requireOwnEmailAddress(store, user.id, params.email_id);
 */
export async function requireOwnEmailAddress(
  store: Pick<Store, "getEmailAddress">,
  userId: string,
  emailAddressId: string,
): Promise<EmailAddressRecord> {
  const emailAddress = await store.getEmailAddress(emailAddressId);
  if (emailAddress === null || emailAddress.userId !== userId) {
    throw new ApiError("resource_not_found", { paramName: "email_id" });
  }
  return emailAddress;
}
