import { randomInt } from "node:crypto";

/**
 * A new six-digit email code, uniformly drawn from `crypto.randomInt` (leading zeros kept).
 *
 * @example
 * generateVerificationCode(); // "038214"
 */
export function generateVerificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}
