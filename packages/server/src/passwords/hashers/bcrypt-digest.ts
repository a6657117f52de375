import bcrypt from "bcryptjs";
import type { DigestHasher } from "./digest-hasher.js";

const BCRYPT = /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/;

/**
 * bcrypt digests (`$2a$10$…`, `$2b$`, `$2y$`), checked with bcryptjs.
 *
 * @example
 * await bcryptDigest.verify("$2a$10$…", "hunter2hunter2");
 */
export const bcryptDigest: DigestHasher = {
  isWellFormed: (digest) => BCRYPT.test(digest),
  async verify(digest, password) {
    try {
      // bcryptjs does not know the `$2y$` spelling PHP writes; it is the same algorithm as `$2b$`.
      return await bcrypt.compare(password, digest.replace(/^\$2y\$/, "$2b$"));
    } catch {
      return false;
    }
  },
};
