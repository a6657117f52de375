import { createCipheriv, createHash, pbkdf2Sync, randomBytes, scryptSync } from "node:crypto";
import { type Algorithm, hash as argon2Hash } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { CLERK_CSV_COLUMNS, type ClerkCsvColumn } from "./read-clerk-csv.js";

/** One row of a Dashboard export under test: the columns given, the others empty. */
export type ExportRow = Partial<Record<ClerkCsvColumn, string>>;

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Clerk's Dashboard export as a CSV text, written to the documented columns.
 *
 * @example
 * clerkCsv([{ id: "user_1", primary_email_address: "ada@example.com" }]);
 */
export function clerkCsv(rows: readonly ExportRow[]): string {
  const lines = [CLERK_CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(CLERK_CSV_COLUMNS.map((c) => quote(row[c] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

/** A Clerk-looking user id (`user_` and 27 base62 characters) made from a number. */
export function clerkUserId(n: number): string {
  return `user_2${String(n).padStart(26, "0")}`;
}

const b64 = (bytes: Buffer) => bytes.toString("base64");

/** Firebase's scrypt digest of `password`, made the way Firebase does (small cost for tests). */
function scryptFirebase(password: string): string {
  const salt = randomBytes(16);
  const separator = Buffer.from("Bw==", "base64");
  const signerKey = randomBytes(32);
  const rounds = 8;
  const memCost = 14;
  const key = scryptSync(Buffer.from(password), Buffer.concat([salt, separator]), 64, {
    N: 2 ** memCost,
    r: rounds,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  const cipher = createCipheriv("aes-256-ctr", key.subarray(0, 32), Buffer.alloc(16, 0));
  const hash = Buffer.concat([cipher.update(signerKey), cipher.final()]);
  return [b64(hash), b64(salt), b64(signerKey), b64(separator), rounds, memCost].join("$");
}

function pbkdf2(prefix: string, digest: "sha256" | "sha512", raw: boolean, password: string) {
  const saltText = raw ? "Zx9KpQ2mRt" : b64(randomBytes(12));
  const salt = raw ? Buffer.from(saltText, "utf8") : Buffer.from(saltText, "base64");
  const iterations = 1000;
  const hash = pbkdf2Sync(password, salt, iterations, 32, digest);
  return `${prefix}$${iterations}$${saltText}$${b64(hash)}`;
}

/** OpenLDAP's `{SSHA}`: base64(SHA1(password ‖ salt) ‖ salt), with a 4-byte salt as slapd writes. */
function ldapSsha(password: string): string {
  const salt = randomBytes(4);
  const hash = createHash("sha1").update(password, "utf8").update(salt).digest();
  return `{SSHA}${b64(Buffer.concat([hash, salt]))}`;
}

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** phpass's portable hash as phpBB 3 writes it (`$H$`), at phpass's lowest cost (2^7 rounds). */
function phpassPortable(password: string): string {
  const cost = 7;
  const salt = Array.from(randomBytes(8), (b) => ITOA64[b & 0x3f]).join("");
  let hash = createHash("md5")
    .update(salt + password, "utf8")
    .digest();
  for (let i = 0; i < 2 ** cost; i++)
    hash = createHash("md5").update(hash).update(password).digest();
  // 16 bytes as phpass's base 64: little-endian 6-bit groups, the last byte alone in 2 characters.
  let text = "";
  for (let i = 0; i < 16; i += 3) {
    const value = (hash[i] ?? 0) | ((hash[i + 1] ?? 0) << 8) | ((hash[i + 2] ?? 0) << 16);
    const chars = i === 15 ? 2 : 4;
    for (let c = 0; c < chars; c++) text += ITOA64[(value >> (6 * c)) & 0x3f];
  }
  return `$H$${ITOA64[cost]}${salt}${text}`;
}

/**
 * A real digest of `password` for each `password_hasher` Clerk names that we verify, made with
 * the libraries the server verifies with (small work factors: tests only).
 *
 * @example
 * const digest = await makeDigest("bcrypt", "hunter2hunter2");
 */
export async function makeDigest(hasher: string, password: string): Promise<string> {
  switch (hasher) {
    case "bcrypt":
      return bcrypt.hash(password, 4);
    case "argon2id":
    case "argon2i":
      return argon2Hash(password, {
        // `Algorithm` is a const enum isolatedModules cannot read: 1 is Argon2i, 2 Argon2id.
        algorithm: (hasher === "argon2id" ? 2 : 1) as Algorithm,
        memoryCost: 1024,
        timeCost: 2,
      });
    case "ldap_ssha":
      return ldapSsha(password);
    case "md5_phpass":
      return phpassPortable(password);
    case "pbkdf2_sha256":
      return pbkdf2("pbkdf2_sha256", "sha256", false, password);
    case "pbkdf2_sha256_django":
      return pbkdf2("pbkdf2_sha256", "sha256", true, password);
    case "pbkdf2_sha512":
      return pbkdf2("pbkdf2_sha512", "sha512", false, password);
    case "pbkdf2_sha512_hex": {
      const salt = randomBytes(16);
      const hash = pbkdf2Sync(password, salt, 1000, 64, "sha512");
      return `pbkdf2_sha512_hex$1000$${salt.toString("hex")}$${hash.toString("hex")}`;
    }
    case "scrypt_firebase":
      return scryptFirebase(password);
    case "scrypt_werkzeug": {
      // `werkzeug.security`'s layout: a text salt used as it is, the 64-byte hash in hex.
      const salt = randomBytes(12).toString("hex");
      const hash = scryptSync(password, salt, 64, { N: 1024, r: 8, p: 1 });
      return `scrypt:1024:8:1$${salt}$${hash.toString("hex")}`;
    }
    case "sha256":
      return createHash("sha256").update(password, "utf8").digest("hex");
    case "sha512_symfony": {
      // Symfony's MessageDigestPasswordEncoder: `password{salt}`, re-hashed with it 5000 times.
      const salt = randomBytes(12).toString("hex");
      const merged = Buffer.from(`${password}{${salt}}`);
      let hash = createHash("sha512").update(merged).digest();
      for (let i = 1; i < 5000; i++)
        hash = createHash("sha512").update(hash).update(merged).digest();
      return `sha512_symfony$5000$${salt}$${b64(hash)}`;
    }
    default:
      throw new Error(`no digest maker for ${hasher}`);
  }
}

/**
 * Every `password_hasher` of Clerk's export that this instance verifies by itself. `awscognito`
 * asks a Cognito user pool, so its tests bring a local one (`test/local-cognito.ts`).
 */
export const EXPORT_HASHERS = [
  "bcrypt",
  "argon2id",
  "argon2i",
  "ldap_ssha",
  "md5_phpass",
  "pbkdf2_sha256",
  "pbkdf2_sha256_django",
  "pbkdf2_sha512",
  "pbkdf2_sha512_hex",
  "scrypt_firebase",
  "scrypt_werkzeug",
  "sha256",
  "sha512_symfony",
] as const;
