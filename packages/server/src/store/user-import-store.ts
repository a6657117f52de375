import type { Metadata } from "./store.js";

/** An email address or phone number of an imported user, as the export gave it. */
export interface ImportedIdentification {
  value: string;
  verified: boolean;
}

/**
 * A user read from another instance's export (Clerk's), kept with its id and password digest.
 * Fields left `undefined` were not in the export: a new user gets the default, an existing one
 * keeps what it has.
 */
export interface ImportedUser {
  /** Kept as it is (`user_…`). */
  id: string;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** The primary one first. */
  emailAddresses: ImportedIdentification[];
  /** The primary one first. */
  phoneNumbers: ImportedIdentification[];
  /** A digest already checked against its hasher (`passwords/password-hashers.ts`). */
  password: { digest: string; hasher: string } | null;
  /** Base32, as authenticator apps were given it; null: no TOTP. */
  totpSecret: string | null;
  externalId?: string | null;
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
  unsafeMetadata?: Metadata;
  banned?: boolean;
  locked?: boolean;
  legalAcceptedAt?: number | null;
  /** Epoch ms; default: now. */
  createdAt?: number;
}

/** Why the store refused an imported user: something of theirs belongs to another user. */
export type ImportConflictCode =
  | "email_address_taken"
  | "phone_number_taken"
  | "username_taken"
  | "external_id_taken";

/**
 * What became of one imported user: `created`, `updated` (a column or identification differed),
 * `unchanged` (already as imported), `kept` (signed in here since: left as it is, so nothing they
 * changed here is undone), or `refused` with the conflicting field.
 */
export type ImportedUserOutcome =
  | { id: string; outcome: "created" | "updated" | "unchanged" | "kept" }
  | {
      id: string;
      outcome: "refused";
      code: ImportConflictCode;
      field: "email_address" | "phone_number" | "username" | "external_id";
      /** Index of the identification in the user's list, for email addresses and phone numbers. */
      index?: number;
    };

/** Options of {@link UserImportStore.importUsers}. */
export interface ImportUsersOptions {
  /** Write `user.created` / `user.updated` to the outbox (default: no events). */
  emitEvents?: boolean;
}

/** Bulk writes of users moved from another instance, ids and digests kept. */
export interface UserImportStore {
  /**
   * Creates or updates a batch of users by id in one transaction: all of it is written or none.
   * Answers one outcome per user, in order. A user whose email address, phone number, username or
   * external id belongs to another user is refused and nothing of theirs is written.
   *
   * @throws Error when the database fails (the batch is rolled back)
   * @example
   * const outcomes = await store.importUsers([{ id: "user_2abc", … }], { emitEvents: false });
   */
  importUsers(
    users: readonly ImportedUser[],
    options?: ImportUsersOptions,
  ): Promise<ImportedUserOutcome[]>;
}
