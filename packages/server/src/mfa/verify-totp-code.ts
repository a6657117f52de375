import { timingSafeEqual } from "node:crypto";
import { decodeBase32 } from "./base32.js";
import { totpCode } from "./totp-code.js";

const STEP_MS = 30_000;

function sameCode(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a 6-digit TOTP code (SHA-1, 30 s steps) against a base32 secret, accepting the previous,
 * current and next step. Every candidate is compared in constant time, and all three are always
 * computed so the answer takes the same time whichever step matched.
 *
 * @returns false for a malformed code or secret, never throws
 * @example
 * verifyTotpCode("JBSWY3DPEHPK3PXP", "123456", Date.now());
 */
export function verifyTotpCode(secretBase32: string, code: string, nowMs: number): boolean {
  const secret = decodeBase32(secretBase32);
  if (secret === null || !/^\d{6}$/.test(code)) return false;
  let matched = false;
  for (const step of [-1, 0, 1]) {
    if (sameCode(totpCode(secret, nowMs + step * STEP_MS), code)) matched = true;
  }
  return matched;
}

/** True when `secret` is usable as a TOTP secret: base32 holding at least 10 bytes (80 bits). */
export function isValidTotpSecret(secret: string): boolean {
  const bytes = decodeBase32(secret);
  return bytes !== null && bytes.length >= 10;
}
