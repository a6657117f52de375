import { checkEmailAddress } from "../flows/identifiers/check-email-address.js";
import { checkPhoneNumber } from "../flows/identifiers/check-phone-number.js";
import { checkUsername } from "../flows/identifiers/check-username.js";
import { decodeBase32 } from "../mfa/base32.js";
import { findDigestHasher } from "../passwords/password-hashers.js";
import type { ImportedIdentification, ImportedUser } from "../store/user-import-store.js";
import type { ImportRefusal } from "./clerk-import-report.js";
import type { ClerkCsvColumn, ClerkCsvRow } from "./read-clerk-csv.js";
import type { ClerkJsonUser } from "./read-clerk-users-json.js";

/** Clerk's user ids: `user_` and base62. */
const CLERK_USER_ID = /^user_[A-Za-z0-9]{1,64}$/;

/** A TOTP secret shorter than 80 bits is not one an authenticator app was given. */
const MIN_TOTP_SECRET_BYTES = 10;

/**
 * The values of a multi-valued cell. Clerk's export separates them with `|`; `,` and `;` are read
 * too (a cell holding `,` must be quoted), and a JSON-style `["a","b"]` list is unwrapped.
 */
function splitValues(cell: string): string[] {
  return cell
    .replace(/^\s*\[|\]\s*$/g, "")
    .split(/[|,;]/)
    .map((value) =>
      value
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    )
    .filter((value) => value !== "");
}

type Refuse = (
  column: ClerkCsvColumn | string,
  code: ImportRefusal["code"],
) => { refusal: ImportRefusal };

/** Email addresses or phone numbers from the primary, verified and unverified columns. */
function identifications(
  row: ClerkCsvRow,
  columns: { primary: ClerkCsvColumn; verified: ClerkCsvColumn; unverified: ClerkCsvColumn },
  check: (value: string) => string,
  fold: boolean,
): { list: ImportedIdentification[]; columns: ClerkCsvColumn[] } | { invalid: ClerkCsvColumn } {
  const key = (value: string) => (fold ? value.toLowerCase() : value);
  const unverified = new Set(splitValues(row.cells[columns.unverified]).map(key));
  const list: ImportedIdentification[] = [];
  const origins: ClerkCsvColumn[] = [];
  const seen = new Set<string>();
  const sources: [ClerkCsvColumn, string[], boolean | null][] = [
    [columns.primary, row.cells[columns.primary] ? [row.cells[columns.primary]] : [], null],
    [columns.verified, splitValues(row.cells[columns.verified]), true],
    [columns.unverified, splitValues(row.cells[columns.unverified]), false],
  ];
  for (const [column, values, verified] of sources) {
    for (const raw of values) {
      let value: string;
      try {
        value = check(raw);
      } catch {
        return { invalid: column };
      }
      if (seen.has(key(value))) continue;
      seen.add(key(value));
      // The primary one is verified unless the export lists it as unverified.
      list.push({
        value,
        verified: verified ?? !(unverified.has(key(raw.trim())) || unverified.has(key(value))),
      });
      origins.push(column);
    }
  }
  return { list, columns: origins };
}

/** An imported user, or why their row was refused. */
export type ClerkRowResult =
  | { user: ImportedUser; emailColumns: ClerkCsvColumn[]; phoneColumns: ClerkCsvColumn[] }
  | { refusal: ImportRefusal };

/**
 * Turns one row of Clerk's Dashboard export, merged with the same user from the JSON export when
 * there is one, into a user to store: id kept, digest checked against its hasher (kept as it is),
 * TOTP secret checked, email addresses and phone numbers checked (primary first).
 *
 * @returns `{ refusal }` with the column and a code (`id_invalid`, `password_hasher_unsupported`,
 *   `password_digest_invalid`, `email_address_invalid`, `phone_number_invalid`,
 *   `username_invalid`, `totp_secret_invalid`) when the row cannot be imported
 * @example
 * const result = clerkRowToUser(row, jsonUsers.get(row.cells.id));
 */
export function clerkRowToUser(row: ClerkCsvRow, json?: ClerkJsonUser): ClerkRowResult {
  const { cells } = row;
  const refuse: Refuse = (column, code) => ({
    refusal: { line: row.line, id: cells.id, column, code },
  });
  if (!CLERK_USER_ID.test(cells.id)) return refuse("id", "id_invalid");

  let password: ImportedUser["password"] = null;
  if (cells.password_digest !== "") {
    const hasher = findDigestHasher(cells.password_hasher);
    if (hasher === null) return refuse("password_hasher", "password_hasher_unsupported");
    if (!hasher.isWellFormed(cells.password_digest)) {
      return refuse("password_digest", "password_digest_invalid");
    }
    password = { digest: cells.password_digest, hasher: cells.password_hasher };
  }

  let totpSecret: string | null = null;
  if (cells.totp_secret !== "") {
    const bytes = decodeBase32(cells.totp_secret);
    if (bytes === null || bytes.length < MIN_TOTP_SECRET_BYTES) {
      return refuse("totp_secret", "totp_secret_invalid");
    }
    totpSecret = cells.totp_secret.replace(/[\s=-]/g, "").toUpperCase();
  }

  let username: string | null;
  try {
    username = checkUsername(cells.username) ?? null;
  } catch {
    return refuse("username", "username_invalid");
  }

  const emails = identifications(
    row,
    {
      primary: "primary_email_address",
      verified: "verified_email_addresses",
      unverified: "unverified_email_addresses",
    },
    checkEmailAddress,
    true,
  );
  if ("invalid" in emails) return refuse(emails.invalid, "email_address_invalid");
  const phones = identifications(
    row,
    {
      primary: "primary_phone_number",
      verified: "verified_phone_numbers",
      unverified: "unverified_phone_numbers",
    },
    checkPhoneNumber,
    false,
  );
  if ("invalid" in phones) return refuse(phones.invalid, "phone_number_invalid");

  const user: ImportedUser = {
    id: cells.id,
    firstName: cells.first_name || null,
    lastName: cells.last_name || null,
    username,
    emailAddresses: emails.list,
    phoneNumbers: phones.list,
    password,
    totpSecret,
  };
  if (json) {
    user.externalId = json.external_id ?? null;
    user.publicMetadata = json.public_metadata ?? {};
    user.privateMetadata = json.private_metadata ?? {};
    user.unsafeMetadata = json.unsafe_metadata ?? {};
    user.banned = json.banned ?? false;
    user.locked = json.locked ?? false;
    user.legalAcceptedAt = json.legal_accepted_at ?? null;
    if (typeof json.created_at === "number") user.createdAt = json.created_at;
  }
  return { user, emailColumns: emails.columns, phoneColumns: phones.columns };
}

/**
 * The cells a user only in the JSON export would have had in the Dashboard export (no digest, no
 * TOTP secret: the JSON export has neither), so that both go through {@link clerkRowToUser}.
 *
 * @example
 * clerkRowToUser({ line: 0, cells: clerkJsonUserCells(user) }, user);
 */
export function clerkJsonUserCells(user: ClerkJsonUser): ClerkCsvRow["cells"] {
  const emails = user.email_addresses ?? [];
  const phones = user.phone_numbers ?? [];
  const isVerified = (i: { verification?: { status?: string | null } | null }) =>
    i.verification?.status === "verified";
  const join = (values: string[]) => values.join("|");
  return {
    id: user.id,
    first_name: user.first_name ?? "",
    last_name: user.last_name ?? "",
    username: user.username ?? "",
    primary_email_address:
      emails.find((e) => e.id !== undefined && e.id === user.primary_email_address_id)
        ?.email_address ?? "",
    primary_phone_number:
      phones.find((p) => p.id !== undefined && p.id === user.primary_phone_number_id)
        ?.phone_number ?? "",
    verified_email_addresses: join(emails.filter(isVerified).map((e) => e.email_address)),
    unverified_email_addresses: join(
      emails.filter((e) => !isVerified(e)).map((e) => e.email_address),
    ),
    verified_phone_numbers: join(phones.filter(isVerified).map((p) => p.phone_number)),
    unverified_phone_numbers: join(phones.filter((p) => !isVerified(p)).map((p) => p.phone_number)),
    totp_secret: "",
    password_digest: "",
    password_hasher: "",
  };
}
