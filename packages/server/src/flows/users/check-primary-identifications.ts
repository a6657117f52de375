import { ApiError } from "../../errors/api-error.js";
import type { UserPatch, UserRecord } from "../../store/store.js";

/**
 * Refuses a patch that makes primary an email address or phone number that is not a verified
 * identification of the user.
 *
 * @throws `form_param_value_invalid` (`primary_email_address_id`, `primary_phone_number_id`)
 * @example
 * checkPrimaryIdentifications(user, { primaryEmailAddressId: "idn_…" });
 */
export function checkPrimaryIdentifications(
  user: UserRecord,
  patch: Pick<UserPatch, "primaryEmailAddressId" | "primaryPhoneNumberId">,
): void {
  for (const [target, identifications, param] of [
    [patch.primaryEmailAddressId, user.emailAddresses, "primary_email_address_id"],
    [patch.primaryPhoneNumberId, user.phoneNumbers, "primary_phone_number_id"],
  ] as const) {
    if (target === undefined) continue;
    const verified = identifications.some(
      (identification) =>
        identification.id === target && identification.verification?.status === "verified",
    );
    if (!verified) {
      throw new ApiError("form_param_value_invalid", {
        paramName: param,
        longMessage: `${param} must be the id of a verified identification of this user.`,
      });
    }
  }
}
