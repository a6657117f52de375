import { createHash } from "node:crypto";
import { bytesEqual, type DigestHasher } from "./digest-hasher.js";

/** Hex length of each supported unsalted digest. */
const HEX_LENGTHS = { md5: 32, sha256: 64 } as const;

/**
 * Unsalted digests written as lowercase or uppercase hex: `md5` (32 characters, e.g.
 * `5f4dcc3b5aa765d61d8327deb882cf99`) or `sha256` (64). Insecure: such users are moved to argon2id
 * on their first successful password check.
 *
 * @example
 * await unsaltedHexDigest("md5").verify("5f4dcc3b5aa765d61d8327deb882cf99", "password"); // true
 */
export function unsaltedHexDigest(algorithm: keyof typeof HEX_LENGTHS): DigestHasher {
  const shape = new RegExp(`^[0-9a-fA-F]{${HEX_LENGTHS[algorithm]}}$`);
  return {
    isWellFormed: (digest) => shape.test(digest),
    async verify(digest, password) {
      if (!shape.test(digest)) return false;
      const actual = createHash(algorithm).update(password, "utf8").digest();
      return bytesEqual(actual, Buffer.from(digest, "hex"));
    },
  };
}
