import { createCipheriv, scrypt } from "node:crypto";
import { bytesEqual, type DigestHasher, decodeBase64 } from "./digest-hasher.js";

function parse(digest: string) {
  const parts = digest.split("$");
  if (parts.length !== 6) return null;
  const [hashText = "", saltText = "", signerText = "", separatorText = "", rounds, memCost] =
    parts;
  if (!/^\d{1,2}$/.test(rounds ?? "") || !/^\d{1,2}$/.test(memCost ?? "")) return null;
  const r = Number(rounds);
  const cost = Number(memCost);
  // Firebase allows 1–8 rounds and a memory cost of 1–14 (N = 2^cost).
  if (r < 1 || r > 8 || cost < 1 || cost > 14) return null;
  const hash = decodeBase64(hashText);
  const salt = decodeBase64(saltText);
  const signerKey = decodeBase64(signerText);
  const separator = decodeBase64(separatorText);
  if (hash === null || salt === null || signerKey === null || separator === null) return null;
  return { hash, salt, signerKey, separator, rounds: r, memCost: cost };
}

function scryptAsync(
  password: Buffer,
  salt: Buffer,
  options: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 64, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Firebase's scrypt variant, as exported by Firebase Auth and accepted by Clerk:
 * `<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<memory cost>`, every byte field base64.
 * The scrypt key (salt ‖ separator, N = 2^cost, r = rounds, p = 1) is the AES-256-CTR key that
 * encrypts the signer key; the ciphertext is the hash.
 *
 * @example
 * await scryptFirebaseDigest.verify(digest, "user1password");
 */
export const scryptFirebaseDigest: DigestHasher = {
  isWellFormed: (digest) => parse(digest) !== null,
  async verify(digest, password) {
    const parsed = parse(digest);
    if (parsed === null) return false;
    const key = await scryptAsync(
      Buffer.from(password, "utf8"),
      Buffer.concat([parsed.salt, parsed.separator]),
      { N: 2 ** parsed.memCost, r: parsed.rounds, p: 1, maxmem: 64 * 1024 * 1024 },
    );
    const cipher = createCipheriv("aes-256-ctr", key.subarray(0, 32), Buffer.alloc(16, 0));
    const actual = Buffer.concat([cipher.update(parsed.signerKey), cipher.final()]);
    return bytesEqual(actual, parsed.hash);
  },
};
