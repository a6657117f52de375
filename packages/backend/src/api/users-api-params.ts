import type { Metadata } from "./resources/metadata.js";
import type { OrganizationInvitationStatus } from "./resources/organization-invitation.js";
import type { WithSign } from "./with-sign.js";

/**
 * Filters shared by `getUserList` and `getCount`. Falsy values (`false`, `0`, `""`) are left out
 * of the query, as Clerk's SDK leaves them out.
 */
export interface UserCountParams {
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string[];
  web3Wallet?: string[];
  userId?: string[];
  externalId?: string[];
  organizationId?: string[];
  /** Free-text match on email, phone, username, name, id… */
  query?: string;
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  /** `true`: banned users only. `false` is left out of the query, as Clerk's SDK does: all users. */
  banned?: boolean;
  lastActiveAtBefore?: number;
  lastActiveAtAfter?: number;
  createdAtBefore?: number;
  createdAtAfter?: number;
  lastSignInAtBefore?: number;
  lastSignInAtAfter?: number;
  /** Users active since this epoch-ms time (day precision on Clerk's side). */
  lastActiveAtSince?: number;
  /** `@clerk/backend`'s spelling of `lastActiveAtSince`. */
  last_active_at_since?: number;
  provider?: string;
  providerUserId?: string[];
}

/** Params of `users.getUserList`: the count filters plus paging and ordering. */
export interface UserListParams extends UserCountParams {
  limit?: number;
  offset?: number;
  orderBy?: WithSign<
    | "created_at"
    | "updated_at"
    | "email_address"
    | "web3wallet"
    | "first_name"
    | "last_name"
    | "phone_number"
    | "username"
    | "last_active_at"
    | "last_sign_in_at"
  >;
}

/** Metadata to merge into a user (`null` values delete keys). Keys are sent verbatim. */
export interface UserMetadataParams {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
}

/** Hashing algorithms Clerk accepts for `passwordDigest`. */
export type PasswordHasher =
  | "argon2i"
  | "argon2id"
  | "awscognito"
  | "bcrypt"
  | "bcrypt_peppered"
  | "bcrypt_sha256_django"
  | "hmac_sha256_utf16_b64"
  | "md5"
  | "md5_salted"
  | "pbkdf2_sha1"
  | "pbkdf2_sha256"
  | "pbkdf2_sha256_django"
  | "pbkdf2_sha512"
  | "phpass"
  | "md5_phpass"
  | "scrypt_firebase"
  | "scrypt_werkzeug"
  | "sha256"
  | "sha256_salted"
  | "sha512_symfony"
  | "ldap_ssha";

/** Params of `users.createUser`. */
export interface CreateUserParams extends UserMetadataParams {
  externalId?: string;
  firstName?: string;
  lastName?: string;
  /** BCP-47 locale. */
  locale?: string;
  emailAddress?: string[];
  /** Status of each `emailAddress`, by position; all `verified` when omitted. */
  emailAddressIdentificationStatus?: IdentificationStatus[];
  phoneNumber?: string[];
  /** Status of each `phoneNumber`, by position; all `verified` when omitted. */
  phoneNumberIdentificationStatus?: IdentificationStatus[];
  web3Wallet?: string[];
  username?: string;
  password?: string;
  /** A password hash to import; needs `passwordHasher`. */
  passwordDigest?: string;
  passwordHasher?: PasswordHasher;
  skipPasswordChecks?: boolean;
  skipPasswordRequirement?: boolean;
  /** Create the user even without the instance's required identifiers. */
  skipUserRequirement?: boolean;
  totpSecret?: string;
  backupCodes?: string[];
  deleteSelfEnabled?: boolean;
  legalAcceptedAt?: Date | string;
  skipLegalChecks?: boolean;
  createOrganizationEnabled?: boolean;
  createOrganizationsLimit?: number;
  createdAt?: Date | string;
  bypassClientTrust?: boolean;
  banned?: boolean;
  locked?: boolean;
}

/** How an identifier given to `createUser` starts out. */
export type IdentificationStatus = "verified" | "reserved";

/**
 * Params of `users.updateUser`. Since API version 2026-05-12 `PATCH /users/{id}` takes no
 * metadata: prefer `updateUserMetadata` (merge). Metadata given here still works as in
 * `@clerk/backend`: it replaces the stored objects through `PUT /users/{id}/metadata`.
 */
export interface UpdateUserParams extends UserMetadataParams {
  externalId?: string;
  firstName?: string;
  lastName?: string;
  locale?: string;
  /** Clerk's SDK spelling; `primaryEmailAddressId` works too. */
  primaryEmailAddressID?: string;
  primaryEmailAddressId?: string;
  notifyPrimaryEmailAddressChanged?: boolean;
  primaryPhoneNumberID?: string;
  primaryPhoneNumberId?: string;
  primaryWeb3WalletID?: string;
  primaryWeb3WalletId?: string;
  username?: string;
  profileImageID?: string;
  profileImageId?: string;
  password?: string;
  passwordDigest?: string;
  passwordHasher?: PasswordHasher;
  skipPasswordChecks?: boolean;
  signOutOfOtherSessions?: boolean;
  totpSecret?: string;
  backupCodes?: string[];
  deleteSelfEnabled?: boolean;
  createOrganizationEnabled?: boolean;
  legalAcceptedAt?: Date | string;
  skipLegalChecks?: boolean;
  createOrganizationsLimit?: number;
  createdAt?: Date | string;
  bypassClientTrust?: boolean;
}

/** Params of `users.getOrganizationMembershipList`. */
export interface GetUserOrganizationMembershipListParams {
  userId: string;
  limit?: number;
  offset?: number;
}

/** Params of `users.getOrganizationInvitationList`. */
export interface GetUserOrganizationInvitationListParams {
  userId: string;
  status?: OrganizationInvitationStatus;
  limit?: number;
  offset?: number;
}

/** Params of `users.verifyPassword`. */
export interface VerifyPasswordParams {
  userId: string;
  password: string;
}

/** Params of `users.verifyTOTP`. */
export interface VerifyTOTPParams {
  userId: string;
  code: string;
}
