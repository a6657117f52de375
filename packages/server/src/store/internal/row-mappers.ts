import type { Row } from "../database.js";
import type {
  EmailAddressRecord,
  Metadata,
  PhoneNumberRecord,
  UserRecord,
  VerificationRecord,
} from "../store.js";

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const str = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const meta = (value: unknown): Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Metadata) : {};

function verificationFromRow(row: Row): VerificationRecord | null {
  const status = str(row.verification_status);
  if (status === null) return null;
  return {
    status: status as VerificationRecord["status"],
    strategy: str(row.verification_strategy) ?? "admin",
    attempts: num(row.verification_attempts),
    expireAt: num(row.verification_expire_at),
  };
}

export function emailAddressFromRow(row: Row): EmailAddressRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    emailAddress: String(row.email_address),
    reserved: Boolean(row.reserved),
    verification: verificationFromRow(row),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function phoneNumberFromRow(row: Row): PhoneNumberRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    phoneNumber: String(row.phone_number),
    reserved: Boolean(row.reserved),
    reservedForSecondFactor: Boolean(row.reserved_for_second_factor),
    defaultSecondFactor: Boolean(row.default_second_factor),
    verification: verificationFromRow(row),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/** Columns of `users` read into a {@link UserRecord} (never the password digest or TOTP secret). */
export const USER_COLUMNS = `u.id, u.external_id, u.username, u.first_name, u.last_name, u.locale,
  u.primary_email_address_id, u.primary_phone_number_id, u.image_id,
  u.public_metadata, u.private_metadata, u.unsafe_metadata,
  (u.password_digest IS NOT NULL) AS password_enabled, u.password_updated_at,
  (u.totp_secret IS NOT NULL) AS totp_enabled, u.mfa_enabled_at, u.mfa_disabled_at,
  (u.totp_secret IS NOT NULL AND EXISTS (SELECT 1 FROM backup_codes b
    WHERE b.user_id = u.id AND b.consumed_at IS NULL)) AS backup_code_enabled,
  u.banned, u.locked_at, u.lockout_expires_at, u.failed_verification_attempts,
  u.delete_self_enabled, u.create_organization_enabled, u.create_organizations_limit,
  u.legal_accepted_at, u.bypass_client_trust, u.last_sign_in_at, u.last_active_at,
  u.created_at, u.updated_at`;

export function userFromRow(
  row: Row,
  emailAddresses: EmailAddressRecord[],
  phoneNumbers: PhoneNumberRecord[],
): UserRecord {
  return {
    id: String(row.id),
    externalId: str(row.external_id),
    username: str(row.username),
    firstName: str(row.first_name),
    lastName: str(row.last_name),
    locale: str(row.locale),
    primaryEmailAddressId: str(row.primary_email_address_id),
    primaryPhoneNumberId: str(row.primary_phone_number_id),
    imageId: str(row.image_id),
    publicMetadata: meta(row.public_metadata),
    privateMetadata: meta(row.private_metadata),
    unsafeMetadata: meta(row.unsafe_metadata),
    passwordEnabled: Boolean(row.password_enabled),
    passwordUpdatedAt: num(row.password_updated_at),
    totpEnabled: Boolean(row.totp_enabled),
    backupCodeEnabled: Boolean(row.backup_code_enabled),
    mfaEnabledAt: num(row.mfa_enabled_at),
    mfaDisabledAt: num(row.mfa_disabled_at),
    banned: Boolean(row.banned),
    lockedAt: num(row.locked_at),
    lockoutExpiresAt: num(row.lockout_expires_at),
    failedVerificationAttempts: Number(row.failed_verification_attempts ?? 0),
    deleteSelfEnabled: Boolean(row.delete_self_enabled),
    createOrganizationEnabled: Boolean(row.create_organization_enabled),
    createOrganizationsLimit: num(row.create_organizations_limit),
    legalAcceptedAt: num(row.legal_accepted_at),
    bypassClientTrust: Boolean(row.bypass_client_trust),
    lastSignInAt: num(row.last_sign_in_at),
    lastActiveAt: num(row.last_active_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    emailAddresses,
    phoneNumbers,
  };
}
