import type { MetadataUpdate, NewImage, UserPatch, UserRecord } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import type { FlowResult } from "../run-flow.js";
import { changeUser } from "./change-user.js";
import { checkPrimaryIdentifications } from "./check-primary-identifications.js";

/**
 * Changes a user's columns (profile, password, TOTP and backup codes, ban, lock, primary
 * identifications) in one transaction, raising `user.updated`. A new primary identification must
 * be a verified one of the user, checked under the user's row lock (which every change of their
 * identifications takes first), so it cannot be removed or unverified in between.
 *
 * @throws ApiError `resource_not_found` (`user_id`); `form_param_value_invalid` for a primary
 *   identification that is not a verified one of the user; `form_identifier_exists`
 * @example
 * const { user } = await updateUser(store, userId, { banned: true });
 */
export function updateUser(
  store: TransactionalStore,
  userId: string,
  patch: UserPatch,
): Promise<FlowResult<{ user: UserRecord }>> {
  return changeUser(store, async (tx) => {
    if (patch.primaryEmailAddressId !== undefined || patch.primaryPhoneNumberId !== undefined) {
      const user = await tx.lockUser(userId);
      // A user that is gone is answered by `updateUser` (`resource_not_found`).
      if (user !== null) checkPrimaryIdentifications(user, patch);
    }
    return tx.updateUser(userId, patch);
  });
}

/**
 * Deep-merges (`merge`; null deletes a key) or replaces (`replace`) a user's metadata, raising
 * `user.updated`.
 *
 * @throws ApiError `resource_not_found` (`user_id`); a size error past 8 KB
 * @example
 * const { user } = await setUserMetadata(store, userId, { publicMetadata }, "merge");
 */
export function setUserMetadata(
  store: TransactionalStore,
  userId: string,
  update: MetadataUpdate,
  mode: "merge" | "replace",
): Promise<FlowResult<{ user: UserRecord }>> {
  return changeUser(store, (tx) => tx.setUserMetadata(userId, update, mode));
}

/**
 * Makes an image the user's profile image (the previous one is deleted), raising `user.updated`.
 *
 * @throws ApiError `resource_not_found` (`user_id`)
 * @example
 * const { user } = await setUserImage(store, userId, { contentType, bytes });
 */
export function setUserImage(
  store: TransactionalStore,
  userId: string,
  image: NewImage,
): Promise<FlowResult<{ user: UserRecord }>> {
  return changeUser(store, (tx) => tx.setUserImage(userId, image));
}

/**
 * Removes a user's profile image, raising `user.updated` (also when there was none).
 *
 * @throws ApiError `resource_not_found` (`user_id`)
 * @example
 * const { user } = await removeUserImage(store, userId);
 */
export function removeUserImage(
  store: TransactionalStore,
  userId: string,
): Promise<FlowResult<{ user: UserRecord }>> {
  return changeUser(store, (tx) => tx.removeUserImage(userId));
}
