import { describe, expect, it } from "vitest";
import { decodeBase32 } from "./base32.js";
import { BACKUP_CODE_COUNT, generateBackupCodes } from "./generate-backup-codes.js";
import { hashBackupCode } from "./hash-backup-code.js";
import { newTotpSecret, TOTP_SECRET_BYTES } from "./new-totp-secret.js";
import { totpUri } from "./totp-uri.js";
import { isValidTotpSecret } from "./verify-totp-code.js";

describe("MFA building blocks", () => {
  it("makes random 160-bit base32 TOTP secrets", () => {
    const a = newTotpSecret();
    const b = newTotpSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(a)?.length).toBe(TOTP_SECRET_BYTES);
    expect(isValidTotpSecret(a)).toBe(true);
  });

  it("builds an otpauth URI with issuer, escaped account and parameters", () => {
    const uri = new URL(
      totpUri({ secret: "JBSWY3DPEHPK3PXP", issuer: "Acme Inc", accountName: "ada@example.com" }),
    );
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.pathname).toBe("/Acme%20Inc:ada%40example.com");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: "JBSWY3DPEHPK3PXP",
      issuer: "Acme Inc",
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
  });

  it("generates distinct backup codes with matching digests", () => {
    const { codes, hashes } = generateBackupCodes("user_1");
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{8}$/);
    expect(hashes).toEqual(codes.map((code) => hashBackupCode("user_1", code)));
    expect(hashes.join()).not.toContain(codes[0]);
    expect(generateBackupCodes("user_1").codes).not.toEqual(codes);
  });
});
