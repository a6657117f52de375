import type { ConsoleStore } from "./console-store.js";
import type { ExternalAccountRecord, ExternalAccountStore } from "./external-account-store.js";
import type { FrontendStore } from "./frontend-store.js";
import type { HandshakeStore } from "./handshake-store.js";
import type { InstanceConfigStore } from "./instance-config-store.js";
import type { InvitationStore } from "./invitation-store.js";
import type { JwtTemplateStore } from "./jwt-template-store.js";
import type { MailStore } from "./mail-store.js";
import type { OrganizationRoleStore } from "./organization-role-store.js";
import type { OrganizationStore } from "./organization-store.js";
import type { RateLimitStore } from "./rate-limit-store.js";
import type { ResourceImportStore } from "./resource-import-store.js";
import type { SessionStore } from "./session-store.js";
import type { SignInStatsStore } from "./sign-in-stats-store.js";
import type { SigningKeyStore } from "./signing-key-store.js";
import type { TransactionalStore } from "./store-transaction.js";
import type { TotpEnrollmentStore } from "./totp-enrollment-store.js";
import type { UserImportStore } from "./user-import-store.js";
import type { WebhookStore } from "./webhook-store.js";

/** JSON object stored as user metadata. */
export type Metadata = Record<string, unknown>;

/** How an identification (email address, phone number) was verified, if it was. */
export interface VerificationRecord {
  status: "unverified" | "verified" | "failed" | "expired" | "transferable";
  strategy: string;
  attempts: number | null;
  expireAt: number | null;
}

export interface EmailAddressRecord {
  id: string;
  userId: string;
  emailAddress: string;
  reserved: boolean;
  verification: VerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

/** A user as it was when deleted: what `user.deleted` carries. */
export interface DeletedUserRecord {
  id: string;
  externalId: string | null;
}

export interface PhoneNumberRecord {
  id: string;
  userId: string;
  phoneNumber: string;
  reserved: boolean;
  reservedForSecondFactor: boolean;
  defaultSecondFactor: boolean;
  verification: VerificationRecord | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * A user as the store returns it. Secrets (password digest, TOTP secret) are deliberately absent:
 * read them with {@link Store.getPasswordCredential} / {@link Store.getTotpSecret}.
 */
export interface UserRecord {
  id: string;
  externalId: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  primaryEmailAddressId: string | null;
  primaryPhoneNumberId: string | null;
  imageId: string | null;
  publicMetadata: Metadata;
  privateMetadata: Metadata;
  unsafeMetadata: Metadata;
  passwordEnabled: boolean;
  passwordUpdatedAt: number | null;
  totpEnabled: boolean;
  /**
   * Unused backup codes exist (and TOTP, which they stand in for, is on). The Backend and Frontend
   * API both read this one value as `backup_code_enabled`.
   */
  backupCodeEnabled: boolean;
  mfaEnabledAt: number | null;
  mfaDisabledAt: number | null;
  banned: boolean;
  lockedAt: number | null;
  lockoutExpiresAt: number | null;
  failedVerificationAttempts: number;
  deleteSelfEnabled: boolean;
  createOrganizationEnabled: boolean;
  createOrganizationsLimit: number | null;
  legalAcceptedAt: number | null;
  bypassClientTrust: boolean;
  lastSignInAt: number | null;
  lastActiveAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  emailAddresses: EmailAddressRecord[];
  /** Oldest first. */
  phoneNumbers: PhoneNumberRecord[];
  /** Accounts at OAuth / OpenID Connect providers, oldest first. */
  externalAccounts: ExternalAccountRecord[];
}

/** A stored password: the digest and the algorithm that produced it. */
export interface PasswordCredential {
  digest: string;
  hasher: string;
}

/** An identification to create along with a user or on its own. */
export interface NewIdentification {
  /** `verified` (admin strategy, the BAPI default), `reserved`, or `unverified`. */
  status: "verified" | "reserved" | "unverified";
}

/**
 * The plain columns of a user, set at creation or by a patch; `undefined` leaves a field as it is
 * (or at its default), `null` clears it.
 */
export interface UserColumns {
  externalId?: string | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  /** Already hashed (or an imported digest). */
  password?: PasswordCredential | null;
  banned?: boolean;
  deleteSelfEnabled?: boolean;
  createOrganizationEnabled?: boolean;
  createOrganizationsLimit?: number | null;
  legalAcceptedAt?: number | null;
  bypassClientTrust?: boolean;
  /** Defaults to now at creation. */
  createdAt?: number;
}

export interface NewUser extends UserColumns {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
  totpSecret?: string | null;
  /**
   * Backup codes to store with the user, as digests (see `hashBackupCode`, which takes the user's
   * id: called once the id is known). Needs `totpSecret`.
   */
  backupCodeHashes?: (userId: string) => readonly string[];
  locked?: boolean;
  /** The first one becomes primary. */
  emailAddresses?: Array<NewIdentification & { emailAddress: string }>;
  /** The first one becomes primary. */
  phoneNumbers?: Array<NewIdentification & { phoneNumber: string }>;
}

/** Fields of a user that can be changed; `undefined` leaves a field as it is, `null` clears it. */
export interface UserPatch extends UserColumns {
  primaryEmailAddressId?: string;
  primaryPhoneNumberId?: string;
  /** `null` removes TOTP and the backup codes with it. */
  totpSecret?: string | null;
  /**
   * Replaces the user's backup codes (digests, see `hashBackupCode`); the user must have TOTP
   * after the patch.
   */
  backupCodeHashes?: readonly string[];
  /** `{ expiresAt: null }` locks forever; `null` unlocks (and resets failed attempts). */
  lock?: { expiresAt: number | null } | null;
  lastSignInAt?: number;
  lastActiveAt?: number;
}

/** `merge`: deep merge where `null` deletes a key. `replace`: each given field is overwritten. */
export interface MetadataUpdate {
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  unsafeMetadata?: Metadata | null;
}

/**
 * The partial, case-insensitive text matches a user filter can ask for: `query` (id, username,
 * external id, name, email address, phone number) and one per kind of identifier.
 */
export const USER_TEXT_QUERIES = [
  "query",
  "emailAddressQuery",
  "phoneNumberQuery",
  "usernameQuery",
  "nameQuery",
] as const;

export type UserTextQuery = (typeof USER_TEXT_QUERIES)[number];

/** Filters of `GET /v1/users` and `/v1/users/count`. Lists are OR'd, different filters AND'd. */
export interface UserFilter extends Partial<Record<UserTextQuery, string>> {
  emailAddresses?: string[];
  phoneNumbers?: string[];
  usernames?: string[];
  userIds?: { include: string[]; exclude: string[] };
  externalIds?: { include: string[]; exclude: string[] };
  /** Users with (include) / without (exclude) a membership in these organizations. */
  organizationIds?: { include: string[]; exclude: string[] };
  banned?: boolean;
  /** Users locked (or not) at `now`, as `locked` in their JSON (the console's filter). */
  locked?: { locked: boolean; now: number };
  createdAtBefore?: number;
  createdAtAfter?: number;
  lastActiveAtBefore?: number;
  lastActiveAtAfter?: number;
  lastSignInAtBefore?: number;
  lastSignInAtAfter?: number;
  /** Set when a filter refers to something that cannot exist yet (web3 wallets, organizations…). */
  matchesNothing?: boolean;
}

export const USER_ORDER_FIELDS = [
  "created_at",
  "updated_at",
  "email_address",
  "web3wallet",
  "first_name",
  "last_name",
  "phone_number",
  "username",
  "last_active_at",
  "last_sign_in_at",
] as const;

export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

export interface UserPage {
  limit: number;
  offset: number;
  orderBy: { field: UserOrderField; direction: "asc" | "desc" };
  /** Cursor: the id of the last user of the previous page (created_at ordering only). */
  startingAfter?: string;
}

export interface NewImage {
  contentType: string;
  bytes: Uint8Array;
}

export interface ImageRecord {
  id: string;
  contentType: string;
  bytes: Uint8Array;
  createdAt: number;
}

/**
 * Persistent state of an instance, in domain verbs. Implemented once in SQL ({@link createSqlStore})
 * over PGlite or PostgreSQL.
 *
 * Errors: lookups answer `null`; mutations of a missing resource throw `ApiError`
 * `resource_not_found`; uniqueness conflicts (also concurrent ones) throw `form_identifier_exists`
 * with `paramName` set.
 */
export interface Store
  extends InstanceConfigStore,
    ExternalAccountStore,
    FrontendStore,
    WebhookStore,
    SessionStore,
    SigningKeyStore,
    JwtTemplateStore,
    OrganizationStore,
    OrganizationRoleStore,
    InvitationStore,
    MailStore,
    RateLimitStore,
    HandshakeStore,
    TotpEnrollmentStore,
    UserImportStore,
    ResourceImportStore,
    ConsoleStore,
    SignInStatsStore,
    TransactionalStore {
  createUser(input: NewUser): Promise<UserRecord>;
  getUser(userId: string): Promise<UserRecord | null>;
  listUsers(filter: UserFilter, page: UserPage): Promise<UserRecord[]>;
  countUsers(filter: UserFilter): Promise<number>;
  /**
   * Locks the user's row until the transaction ends (inside `Store.transaction`) and answers the
   * user as they stand, identifications included; null when gone. Changes to a user and to their
   * identifications take this lock first.
   */
  lockUser(userId: string): Promise<UserRecord | null>;
  /**
   * Writes the patch's columns (a primary identification is written as given: whether it may be
   * is decided by the flow, `flows/users/update-user`).
   * @throws `resource_not_found` (`user_id`); `form_identifier_exists`;
   *   `form_param_value_invalid` (`backup_codes`) for backup codes without TOTP
   */
  updateUser(userId: string, patch: UserPatch): Promise<UserRecord>;
  /** Deletes the user with their identifications and sessions; null when there was none. */
  deleteUser(userId: string): Promise<DeletedUserRecord | null>;
  setUserMetadata(
    userId: string,
    update: MetadataUpdate,
    mode: "merge" | "replace",
  ): Promise<UserRecord>;
  getPasswordCredential(userId: string): Promise<PasswordCredential | null>;
  /**
   * Replaces a stored digest by a new one of the same password (upgrade to argon2id) when the
   * stored digest is still `previousDigest`. No event: the user does not visibly change.
   * @returns false when the user is gone or the password changed meanwhile
   */
  rehashPassword(
    userId: string,
    previousDigest: string,
    next: PasswordCredential,
  ): Promise<boolean>;
  getTotpSecret(userId: string): Promise<string | null>;

  addEmailAddress(
    userId: string,
    input: NewIdentification & { emailAddress: string; primary?: boolean },
  ): Promise<EmailAddressRecord>;
  getEmailAddress(emailAddressId: string): Promise<EmailAddressRecord | null>;
  /**
   * `verified` marks it verified by `admin` (or unverified); `verification` records one as it
   * stands instead (an `email_code` one the user is completing: pending, attempts, expiry).
   */
  updateEmailAddress(
    emailAddressId: string,
    patch: { verified?: boolean; verification?: VerificationRecord; primary?: boolean },
  ): Promise<EmailAddressRecord>;
  /** When the primary one is deleted, the oldest remaining (verified first) becomes primary. */
  deleteEmailAddress(emailAddressId: string): Promise<EmailAddressRecord | null>;

  addPhoneNumber(
    userId: string,
    input: NewIdentification & {
      phoneNumber: string;
      primary?: boolean;
      reservedForSecondFactor?: boolean;
    },
  ): Promise<PhoneNumberRecord>;
  getPhoneNumber(phoneNumberId: string): Promise<PhoneNumberRecord | null>;
  updatePhoneNumber(
    phoneNumberId: string,
    patch: { verified?: boolean; primary?: boolean; reservedForSecondFactor?: boolean },
  ): Promise<PhoneNumberRecord>;
  deletePhoneNumber(phoneNumberId: string): Promise<PhoneNumberRecord | null>;

  /** Stores the image and makes it the user's profile image (the previous one is deleted). */
  setUserImage(userId: string, image: NewImage): Promise<UserRecord>;
  removeUserImage(userId: string): Promise<UserRecord>;
  getImage(imageId: string): Promise<ImageRecord | null>;

  /** Closes the underlying database. */
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
