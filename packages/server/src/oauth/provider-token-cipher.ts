import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Encrypts the provider tokens kept for a user's external account, and reads them back. */
export interface ProviderTokenCipher {
  /** `v1.<iv>.<ciphertext and tag>`, both base64url; a fresh IV each call. */
  encrypt(plain: string): string;
  /** @throws Error when the text was changed, was sealed under another key, or is not `v1`. */
  decrypt(stored: string): string;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A cipher for provider tokens at rest: AES-256-GCM under a key derived from the instance's secret
 * key with HKDF-SHA256 (salt `latchkey`, info `oauth provider tokens v1`).
 *
 * @throws Error when `secretKey` is empty.
 * @example
 * const cipher = createProviderTokenCipher(secretKey);
 * const stored = cipher.encrypt(tokens.accessToken);
 * cipher.decrypt(stored) === tokens.accessToken;
 */
export function createProviderTokenCipher(secretKey: string): ProviderTokenCipher {
  if (secretKey.length === 0) throw new Error("createProviderTokenCipher: the secret key is empty");
  const key = Buffer.from(
    hkdfSync("sha256", secretKey, "latchkey", "oauth provider tokens v1", 32),
  );
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([
        cipher.update(plain, "utf8"),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return `${VERSION}.${iv.toString("base64url")}.${sealed.toString("base64url")}`;
    },
    decrypt(stored) {
      const parts = stored.split(".");
      if (parts.length !== 3 || parts[0] !== VERSION) {
        throw new Error("provider token: unknown format or version");
      }
      const iv = Buffer.from(parts[1] ?? "", "base64url");
      const sealed = Buffer.from(parts[2] ?? "", "base64url");
      if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
        throw new Error("provider token: malformed");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString("utf8");
      } catch (cause) {
        throw new Error("provider token: changed, or sealed under another key", { cause });
      }
    },
  };
}
