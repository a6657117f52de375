import { createHash } from "node:crypto";
import { bytesEqual, type DigestHasher } from "./digest-hasher.js";

/** SHA-1's digest length: the salt is every byte after it. */
const SHA1_BYTES = 20;

/** Salts longer than this are not written by any LDAP server; bounded so a digest stays small. */
const MAX_SALT_BYTES = 64;

/**
 * `{SSHA}` (any case) then standard base64, padded or not. The prefix is required: without it the
 * value cannot be told from the hex-encoded or LDIF double-base64 forms some exports use.
 */
const SSHA = /^\{ssha\}([A-Za-z0-9+/]+)(={0,2})$/i;

function parse(digest: string) {
  const match = SSHA.exec(digest);
  if (match === null) return null;
  const [, body = "", padding = ""] = match;
  if ((body.length + padding.length) % 4 === 1) return null;
  const bytes = Buffer.from(body, "base64");
  // Canonical base64 only: no leftover bits, padding only where it belongs.
  const canonical = bytes.toString("base64");
  if (canonical.replace(/=+$/, "") !== body) return null;
  if (padding !== "" && canonical !== body + padding) return null;
  const saltLength = bytes.length - SHA1_BYTES;
  if (saltLength < 1 || saltLength > MAX_SALT_BYTES) return null;
  return { hash: bytes.subarray(0, SHA1_BYTES), salt: bytes.subarray(SHA1_BYTES) };
}

/**
 * OpenLDAP's salted SHA-1 (`ldap_ssha`): `{SSHA}` then base64(SHA1(password ‖ salt) ‖ salt), the
 * salt being whatever follows the 20-byte digest (OpenLDAP writes 4 bytes). Insecure: such users
 * are moved to argon2id on their first successful password check.
 *
 * @example
 * await ldapSshaDigest.verify("{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0", "secret"); // true
 */
export const ldapSshaDigest: DigestHasher = {
  isWellFormed: (digest) => parse(digest) !== null,
  async verify(digest, password) {
    const parsed = parse(digest);
    if (parsed === null) return false;
    const actual = createHash("sha1").update(password, "utf8").update(parsed.salt).digest();
    return bytesEqual(actual, parsed.hash);
  },
};
