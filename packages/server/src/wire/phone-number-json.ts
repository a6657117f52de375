import type { PhoneNumberRecord } from "../store/store.js";
import { identificationVerificationJson } from "./email-address-json.js";

/**
 * Serialises a phone number as Clerk's `PhoneNumber` object (`object: "phone_number"`).
 *
 * @example
 * phoneNumberJson(record); // { id: "idn_…", object: "phone_number", phone_number: "+1…", … }
 */
export function phoneNumberJson(record: PhoneNumberRecord) {
  return {
    id: record.id,
    object: "phone_number" as const,
    phone_number: record.phoneNumber,
    reserved_for_second_factor: record.reservedForSecondFactor,
    default_second_factor: record.defaultSecondFactor,
    reserved: record.reserved,
    verification: identificationVerificationJson(record.verification),
    linked_to: [] as Array<{ type: string; id: string }>,
    backup_codes: null,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}
