import { timingSafeEqual } from "node:crypto";

/** Checks passwords against one family of stored digests (bcrypt, argon2, PBKDF2…). */
export interface DigestHasher {
  /** True when `digest` has the shape this hasher expects (checked before it is stored). */
  isWellFormed(digest: string): boolean;
  /** True when `password` produces `digest`. Never throws for a well-formed digest. */
  verify(digest: string, password: string): Promise<boolean>;
}

/** Compares two byte strings in constant time (false at once when the lengths differ). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Decodes standard or URL-safe base64; null when the text is not base64 or decodes to nothing. */
export function decodeBase64(text: string): Buffer | null {
  if (!BASE64.test(text)) return null;
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === 0 ? null : bytes;
}
