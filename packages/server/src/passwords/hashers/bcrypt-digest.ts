import bcrypt from "bcryptjs";
import type { DigestHasher } from "./digest-hasher.js";

const BCRYPT = /^\$2[abxy]?\$(\d{2})\$[./A-Za-z0-9]{53}$/;

/**
 * Cost factors accepted: bcrypt's own floor, and a ceiling above what real digests use (10–12;
 * 2^cost rounds) so that one digest cannot take minutes of CPU (bcryptjs is JavaScript: cost 15
 * is ~2 s a check here, cost 31 would be days).
 */
const MIN_COST = 4;
const MAX_COST = 15;

function isWellFormed(digest: string): boolean {
  const match = BCRYPT.exec(digest);
  if (match === null) return false;
  const cost = Number(match[1]);
  return cost >= MIN_COST && cost <= MAX_COST;
}

/**
 * bcrypt digests (`$2a$10$…`, `$2b$`, `$2y$`), checked with bcryptjs.
 *
 * @example
 * await bcryptDigest.verify("$2a$10$…", "hunter2hunter2");
 */
export const bcryptDigest: DigestHasher = {
  isWellFormed,
  async verify(digest, password) {
    // Checked here too: a digest stored before these bounds never runs beyond them.
    if (!isWellFormed(digest)) return false;
    try {
      // bcryptjs does not know the `$2y$` spelling PHP writes; it is the same algorithm as `$2b$`.
      return await bcrypt.compare(password, digest.replace(/^\$2y\$/, "$2b$"));
    } catch {
      return false;
    }
  },
};
