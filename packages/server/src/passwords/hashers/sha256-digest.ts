import { createHash } from "node:crypto";
import { bytesEqual, type DigestHasher } from "./digest-hasher.js";

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Unsalted SHA-256 digests as 64 hex characters (insecure: such users are moved to argon2id on
 * their first successful password check).
 *
 * @example
 * await sha256Digest.verify("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "password");
 */
export const sha256Digest: DigestHasher = {
  isWellFormed: (digest) => HEX_SHA256.test(digest),
  async verify(digest, password) {
    if (!HEX_SHA256.test(digest)) return false;
    const actual = createHash("sha256").update(password, "utf8").digest();
    return bytesEqual(actual, Buffer.from(digest, "hex"));
  },
};
