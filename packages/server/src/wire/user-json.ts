import type { UserRecord } from "../store/store.js";
import { emailAddressJson } from "./email-address-json.js";
import { externalAccountJson } from "./external-account-json.js";
import { phoneNumberJson } from "./phone-number-json.js";

/** What a user's JSON depends on besides the record. */
export interface UserJsonContext {
  /** Public origin of the instance, without a trailing slash (image URLs hang off it). */
  baseUrl: string;
  /** Current time in epoch ms (lock state and remaining lockout). */
  now: number;
  /** Failed verification attempts allowed before a lockout. */
  maxVerificationAttempts: number;
}

/** Path under which profile images are served: `/v1/images/{image_id}`. */
export const IMAGE_PATH_PREFIX = "/v1/images/";
/** Image id standing for the placeholder avatar of users without a profile image. */
export const DEFAULT_IMAGE_ID = "default";

/** URL of a user's profile image, or of the placeholder avatar when there is none. */
export function profileImageUrl(baseUrl: string, imageId: string | null): string {
  return `${baseUrl}${IMAGE_PATH_PREFIX}${imageId ?? DEFAULT_IMAGE_ID}`;
}

/** True while a lock is in force: set, and either permanent or not yet expired. */
export function isUserLocked(user: UserRecord, now: number): boolean {
  return user.lockedAt !== null && (user.lockoutExpiresAt === null || user.lockoutExpiresAt > now);
}

/**
 * Serialises a user as Clerk's `User` object (every field of the spec's schema; accounts this
 * instance does not support yet — web3 wallets, passkeys, external/SAML/enterprise accounts — are
 * empty lists). Secrets never appear: the record does not hold them.
 *
 * @example
 * userJson(user, { baseUrl: "http://localhost:4100", now: Date.now(), maxVerificationAttempts: 10 });
 */
export function userJson(user: UserRecord, context: UserJsonContext) {
  const locked = isUserLocked(user, context.now);
  const imageUrl = profileImageUrl(context.baseUrl, user.imageId);
  const secondFactorPhone = user.phoneNumbers.some((phone) => phone.reservedForSecondFactor);
  return {
    id: user.id,
    object: "user" as const,
    external_id: user.externalId,
    primary_email_address_id: user.primaryEmailAddressId,
    primary_phone_number_id: user.primaryPhoneNumberId,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.firstName,
    last_name: user.lastName,
    locale: user.locale,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user.imageId !== null,
    public_metadata: user.publicMetadata,
    private_metadata: user.privateMetadata,
    unsafe_metadata: user.unsafeMetadata,
    email_addresses: user.emailAddresses.map(emailAddressJson),
    phone_numbers: user.phoneNumbers.map(phoneNumberJson),
    web3_wallets: [] as unknown[],
    passkeys: [] as unknown[],
    password_enabled: user.passwordEnabled,
    two_factor_enabled: user.totpEnabled || secondFactorPhone,
    totp_enabled: user.totpEnabled,
    backup_code_enabled: user.backupCodeEnabled,
    mfa_enabled_at: user.mfaEnabledAt,
    mfa_disabled_at: user.mfaDisabledAt,
    password_last_updated_at: user.passwordUpdatedAt,
    external_accounts: user.externalAccounts.map(externalAccountJson),
    saml_accounts: [] as unknown[],
    enterprise_accounts: [] as unknown[],
    last_sign_in_at: user.lastSignInAt,
    banned: user.banned,
    locked,
    deprovisioned: false,
    lockout_expires_in_seconds:
      locked && user.lockoutExpiresAt !== null
        ? Math.ceil((user.lockoutExpiresAt - context.now) / 1000)
        : null,
    verification_attempts_remaining: locked
      ? 0
      : Math.max(0, context.maxVerificationAttempts - user.failedVerificationAttempts),
    updated_at: user.updatedAt,
    created_at: user.createdAt,
    delete_self_enabled: user.deleteSelfEnabled,
    create_organization_enabled: user.createOrganizationEnabled,
    create_organizations_limit: user.createOrganizationsLimit,
    last_active_at: user.lastActiveAt,
    legal_accepted_at: user.legalAcceptedAt,
    bypass_client_trust: user.bypassClientTrust,
  };
}

/** The JSON shape of a user, as {@link userJson} builds it. */
export type UserJson = ReturnType<typeof userJson>;
