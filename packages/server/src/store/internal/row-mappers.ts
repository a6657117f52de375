import type { Row } from "../database.js";
import type { ExternalAccountRecord } from "../external-account-store.js";
import type {
  EmailAddressRecord,
  PhoneNumberRecord,
  UserRecord,
  VerificationRecord,
} from "../store.js";
import { metadataOf, numberOrNull, stringOrNull } from "./row-values.js";

function verificationFromRow(row: Row): VerificationRecord | null {
  const status = stringOrNull(row.verification_status);
  if (status === null) return null;
  return {
    status: status as VerificationRecord["status"],
    strategy: stringOrNull(row.verification_strategy) ?? "admin",
    attempts: numberOrNull(row.verification_attempts),
    expireAt: numberOrNull(row.verification_expire_at),
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
  externalAccounts: ExternalAccountRecord[],
): UserRecord {
  return {
    id: String(row.id),
    externalId: stringOrNull(row.external_id),
    username: stringOrNull(row.username),
    firstName: stringOrNull(row.first_name),
    lastName: stringOrNull(row.last_name),
    locale: stringOrNull(row.locale),
    primaryEmailAddressId: stringOrNull(row.primary_email_address_id),
    primaryPhoneNumberId: stringOrNull(row.primary_phone_number_id),
    imageId: stringOrNull(row.image_id),
    publicMetadata: metadataOf(row.public_metadata),
    privateMetadata: metadataOf(row.private_metadata),
    unsafeMetadata: metadataOf(row.unsafe_metadata),
    passwordEnabled: Boolean(row.password_enabled),
    passwordUpdatedAt: numberOrNull(row.password_updated_at),
    totpEnabled: Boolean(row.totp_enabled),
    backupCodeEnabled: Boolean(row.backup_code_enabled),
    mfaEnabledAt: numberOrNull(row.mfa_enabled_at),
    mfaDisabledAt: numberOrNull(row.mfa_disabled_at),
    banned: Boolean(row.banned),
    lockedAt: numberOrNull(row.locked_at),
    lockoutExpiresAt: numberOrNull(row.lockout_expires_at),
    failedVerificationAttempts: Number(row.failed_verification_attempts ?? 0),
    deleteSelfEnabled: Boolean(row.delete_self_enabled),
    createOrganizationEnabled: Boolean(row.create_organization_enabled),
    createOrganizationsLimit: numberOrNull(row.create_organizations_limit),
    legalAcceptedAt: numberOrNull(row.legal_accepted_at),
    bypassClientTrust: Boolean(row.bypass_client_trust),
    lastSignInAt: numberOrNull(row.last_sign_in_at),
    lastActiveAt: numberOrNull(row.last_active_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    emailAddresses,
    phoneNumbers,
    externalAccounts,
  };
}
