import { createHmac } from "node:crypto";

/** Parameters of a TOTP code (RFC 6238); Clerk's are SHA-1, 30 s and 6 digits. */
export interface TotpOptions {
  algorithm?: "sha1" | "sha256" | "sha512";
  periodSeconds?: number;
  digits?: number;
}

/**
 * Computes the TOTP code of `secret` at `timeMs` (RFC 6238 over RFC 4226's dynamic truncation).
 *
 * @example
 * totpCode(new TextEncoder().encode("12345678901234567890"), 59_000, { digits: 8 }); // "94287082"
 */
export function totpCode(secret: Uint8Array, timeMs: number, options: TotpOptions = {}): string {
  const period = options.periodSeconds ?? 30;
  const digits = options.digits ?? 6;
  const counter = Math.floor(timeMs / 1000 / period);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm ?? "sha1", secret)
    .update(message)
    .digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}
