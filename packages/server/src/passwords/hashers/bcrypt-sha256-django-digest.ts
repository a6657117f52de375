import { createHash } from "node:crypto";
import { bcryptDigest } from "./bcrypt-digest.js";
import type { DigestHasher } from "./digest-hasher.js";

const PREFIX = "bcrypt_sha256$";

/**
 * Django's `BCryptSHA256PasswordHasher` digests, `bcrypt_sha256$$2b$12$<salt & hash>`: bcrypt over
 * the lowercase hex SHA-256 of the password (so long passwords are not truncated at 72 bytes).
 *
 * @example
 * await bcryptSha256DjangoDigest.verify("bcrypt_sha256$$2b$12$…", "hunter2hunter2");
 */
export const bcryptSha256DjangoDigest: DigestHasher = {
  isWellFormed: (digest) =>
    digest.startsWith(PREFIX) && bcryptDigest.isWellFormed(digest.slice(PREFIX.length)),
  async verify(digest, password) {
    if (!bcryptSha256DjangoDigest.isWellFormed(digest)) return false;
    const prehashed = createHash("sha256").update(password, "utf8").digest("hex");
    return bcryptDigest.verify(digest.slice(PREFIX.length), prehashed);
  },
};
