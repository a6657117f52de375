import type { EmailAddressRecord, VerificationRecord } from "../store/store.js";

/** Clerk's verification object of an identification, or null when it was never verified. */
export function identificationVerificationJson(verification: VerificationRecord | null) {
  if (verification === null) return null;
  return {
    object: verification.strategy === "admin" ? "verification_admin" : "verification_otp",
    status: verification.status,
    strategy: verification.strategy,
    attempts: verification.attempts,
    expire_at: verification.expireAt,
  };
}

/**
 * Serialises an email address as Clerk's `EmailAddress` object (`object: "email_address"`).
 *
 * @example
 * emailAddressJson(record); // { id: "idn_…", object: "email_address", email_address: "…", … }
 */
export function emailAddressJson(record: EmailAddressRecord) {
  return {
    id: record.id,
    object: "email_address" as const,
    email_address: record.emailAddress,
    reserved: record.reserved,
    verification: identificationVerificationJson(record.verification),
    linked_to: [] as Array<{ type: string; id: string }>,
    matches_sso_connection: false,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}
