import { type ScryptOptions, scrypt } from "node:crypto";
import { promisify } from "node:util";
import { bytesEqual, type DigestHasher, decodeBase64 } from "./digest-hasher.js";

const scryptAsync = promisify<string, string, number, ScryptOptions, Buffer>(scrypt);

/** Werkzeug's derived key length: `hashlib.scrypt`'s default of 64 bytes. */
const KEY_LENGTH = 64;

/** The most memory one verification may take (128 · N · r · p bytes): 256 MiB. */
const MAX_MEMORY = 256 * 1024 * 1024;

const PARAMETERS = /^scrypt:([1-9]\d{0,7}):([1-9]\d{0,2}):([1-9]\d{0,2})$/;
const HEX_HASH = new RegExp(`^[0-9a-fA-F]{${KEY_LENGTH * 2}}$`);

/**
 * The hash segment: Werkzeug writes it as hex (128 digits); Clerk's import guide describes it as
 * base64. The two cannot be confused: 128 characters are hex when they are all hex digits, and
 * 64 bytes in base64 take 86 to 88 characters.
 */
function decodeHash(text: string): Buffer | null {
  if (HEX_HASH.test(text)) return Buffer.from(text, "hex");
  if (text.length === KEY_LENGTH * 2) return null;
  const bytes = decodeBase64(text);
  return bytes !== null && bytes.length === KEY_LENGTH ? bytes : null;
}

function parse(digest: string) {
  const parts = digest.split("$");
  if (parts.length !== 3) return null;
  const [parameters = "", salt = "", hashText = ""] = parts;
  const match = PARAMETERS.exec(parameters);
  if (match === null || salt === "") return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // N a power of two above 1; the work bounded so that a digest cannot stall the instance.
  if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r * p > MAX_MEMORY) return null;
  const hash = decodeHash(hashText);
  return hash === null ? null : { N, r, p, salt, hash };
}

/**
 * Werkzeug's scrypt (`werkzeug.security.generate_password_hash`, its default method since 3.0):
 * `scrypt:<N>:<r>:<p>$<salt>$<hash>`, the hash `hashlib.scrypt(password, salt=salt, n=N, r=r,
 * p=p, dklen=64)` in hex; the salt is used as its UTF-8 text, as Werkzeug does (it is never
 * decoded). The same layout with a base64 hash (Clerk's description) is read too.
 *
 * @example
 * await scryptWerkzeugDigest.verify("scrypt:32768:8:1$pyMfKdIqwYxw0GOT$6d49…", "my-test-password-123");
 */
export const scryptWerkzeugDigest: DigestHasher = {
  isWellFormed: (digest) => parse(digest) !== null,
  async verify(digest, password) {
    const parsed = parse(digest);
    if (parsed === null) return false;
    const { N, r, p, salt, hash } = parsed;
    const derived = await scryptAsync(password, salt, KEY_LENGTH, {
      N,
      r,
      p,
      maxmem: 132 * N * r * p,
    });
    return bytesEqual(derived, hash);
  },
};
