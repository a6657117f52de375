import { randomBytes } from "node:crypto";
import { encodeBase32 } from "./base32.js";

/** Bytes of a new TOTP secret: 160 bits, the HMAC-SHA1 key size RFC 4226 recommends. */
export const TOTP_SECRET_BYTES = 20;

/**
 * A new random TOTP secret, base32 without padding (32 characters), as authenticator apps read it.
 *
 * @example
 * const secret = newTotpSecret(); // "JBSWY3DPEHPK3PXP…"
 */
export function newTotpSecret(): string {
  return encodeBase32(randomBytes(TOTP_SECRET_BYTES));
}
