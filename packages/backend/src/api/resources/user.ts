import { z } from "zod";
import { type EmailAddress, emailAddressSchema } from "./email-address.js";
import { metadataSchema } from "./metadata.js";
import { type PhoneNumber, phoneNumberSchema } from "./phone-number.js";
import { verificationSchema } from "./verification.js";

const web3WalletSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  web3Wallet: z.string(),
  verification: verificationSchema.nullable().default(null),
  createdAt: z.number().optional(),
  updatedAt: z.number().optional(),
});

/** A Web3 wallet of a user (camelCase). */
export type Web3Wallet = z.output<typeof web3WalletSchema>;

const externalAccountSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  provider: z.string(),
  identificationId: z.string().optional(),
  providerUserId: z.string().optional(),
  approvedScopes: z.string().optional(),
  emailAddress: z.string().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  imageUrl: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  publicMetadata: metadataSchema.default({}),
  label: z.string().nullable().optional(),
  verification: verificationSchema.nullable().default(null),
});

/** An OAuth account linked to a user (camelCase; metadata verbatim). */
export type ExternalAccount = z.output<typeof externalAccountSchema>;

const userDataSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  externalId: z.string().nullable().default(null),
  primaryEmailAddressId: z.string().nullable().default(null),
  primaryPhoneNumberId: z.string().nullable().default(null),
  primaryWeb3WalletId: z.string().nullable().default(null),
  username: z.string().nullable().default(null),
  firstName: z.string().nullable().default(null),
  lastName: z.string().nullable().default(null),
  locale: z.string().nullable().optional(),
  imageUrl: z.string().default(""),
  hasImage: z.boolean().default(false),
  publicMetadata: metadataSchema.default({}),
  privateMetadata: metadataSchema.nullable().default({}),
  unsafeMetadata: metadataSchema.default({}),
  emailAddresses: z.array(emailAddressSchema).default([]),
  phoneNumbers: z.array(phoneNumberSchema).default([]),
  web3Wallets: z.array(web3WalletSchema).default([]),
  passkeys: z.array(z.looseObject({ id: z.string().optional() })).default([]),
  externalAccounts: z.array(externalAccountSchema).default([]),
  samlAccounts: z.array(z.looseObject({ id: z.string() })).default([]),
  enterpriseAccounts: z.array(z.looseObject({ id: z.string() })).default([]),
  passwordEnabled: z.boolean().default(false),
  twoFactorEnabled: z.boolean().default(false),
  totpEnabled: z.boolean().default(false),
  backupCodeEnabled: z.boolean().default(false),
  mfaEnabledAt: z.number().nullable().default(null),
  mfaDisabledAt: z.number().nullable().default(null),
  lastSignInAt: z.number().nullable().default(null),
  banned: z.boolean(),
  locked: z.boolean(),
  lockoutExpiresInSeconds: z.number().nullable().default(null),
  verificationAttemptsRemaining: z.number().nullable().default(null),
  deleteSelfEnabled: z.boolean().default(false),
  createOrganizationEnabled: z.boolean().default(false),
  createOrganizationsLimit: z.number().nullable().optional(),
  lastActiveAt: z.number().nullable().default(null),
  legalAcceptedAt: z.number().nullable().default(null),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** Plain data of a user, as the Backend API returns it (camelCase; metadata verbatim). */
export type UserData = z.output<typeof userDataSchema>;

/** Conveniences derived from the data, as `@clerk/backend`'s `User` offers them. */
export interface UserConveniences {
  /** First and last name joined by a space; `null` when both are empty. */
  readonly fullName: string | null;
  /** The email address whose id is `primaryEmailAddressId`, or `null`. */
  readonly primaryEmailAddress: EmailAddress | null;
  /** The phone number whose id is `primaryPhoneNumberId`, or `null`. */
  readonly primaryPhoneNumber: PhoneNumber | null;
  /** The wallet whose id is `primaryWeb3WalletId`, or `null`. */
  readonly primaryWeb3Wallet: Web3Wallet | null;
}

/** A user of the instance: its data plus the derived conveniences. */
export type User = UserData & UserConveniences;

/** Adds the conveniences as non-enumerable getters, so `JSON.stringify(user)` stays the data. */
function withConveniences(data: UserData): User {
  return Object.defineProperties(data, {
    fullName: {
      get: () => [data.firstName, data.lastName].filter(Boolean).join(" ").trim() || null,
    },
    primaryEmailAddress: {
      get: () => data.emailAddresses.find((e) => e.id === data.primaryEmailAddressId) ?? null,
    },
    primaryPhoneNumber: {
      get: () => data.phoneNumbers.find((p) => p.id === data.primaryPhoneNumberId) ?? null,
    },
    primaryWeb3Wallet: {
      get: () => data.web3Wallets.find((w) => w.id === data.primaryWeb3WalletId) ?? null,
    },
  }) as User;
}

/** Zod schema of a Backend API `user` object, camelized, producing a {@link User}. */
export const userSchema = userDataSchema.transform(withConveniences);
