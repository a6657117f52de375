import { createHash } from "node:crypto";
import { bytesEqual, type DigestHasher } from "./digest-hasher.js";

/** phpass's base-64 alphabet (crypt order, not RFC 4648). */
const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `$P$` or `$H$`, one cost character, an 8-character salt and a 22-character checksum. */
const PHPASS = /^\$([PH])\$([./0-9A-Za-z])([./0-9A-Za-z]{8})([./0-9A-Za-z]{22})$/;

/**
 * Cost bounds: phpass's own floor (2^7 MD5 rounds), and a ceiling of 2^16 rounds rather than
 * phpass's 2^30, since the rounds run on the event loop (2^16 takes ~0.1 s here; 2^30 would stall
 * the instance for half an hour). Real digests use 2^8 to 2^13 (WordPress's `$P$B`).
 */
const MIN_COST = 7;
const MAX_COST = 16;

function parse(digest: string, ids: readonly PhpassId[]) {
  const match = PHPASS.exec(digest);
  if (match === null) return null;
  const [, id = "", costChar = "", salt = "", checksum = ""] = match;
  if (!ids.includes(id as PhpassId)) return null;
  const cost = ITOA64.indexOf(costChar);
  if (cost < MIN_COST || cost > MAX_COST) return null;
  return { cost, salt, checksum };
}

/** phpass's `encode64`: little-endian 6-bit groups, 3 bytes to 4 characters (16 bytes to 22). */
function encode64(bytes: Buffer): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const value = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ITOA64[(value >> (6 * c)) & 0x3f];
  }
  return out;
}

/** The identifier after the first `$`: `P` is phpass's own, `H` phpBB 3's, the same algorithm. */
export type PhpassId = "P" | "H";

/**
 * phpass portable digests (WordPress, phpBB…): `$P$<cost><salt><checksum>` (or `$H$…` where
 * `ids` allows it), the checksum being MD5(salt ‖ password) re-hashed as MD5(previous ‖ password)
 * 2^cost times, in phpass's base 64. One algorithm behind Clerk's `phpass` (`$P$` only, as Clerk
 * documents it) and `md5_phpass` (either identifier, as phpass itself accepts).
 *
 * @example
 * await phpassDigest(["P"]).verify("$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1", "password"); // true
 */
export function phpassDigest(ids: readonly PhpassId[]): DigestHasher {
  return {
    isWellFormed: (digest) => parse(digest, ids) !== null,
    verify: (digest, password) => verifyPhpass(parse(digest, ids), password),
  };
}

async function verifyPhpass(parsed: ReturnType<typeof parse>, password: string) {
  if (parsed === null) return false;
  const secret = Buffer.from(password, "utf8");
  let hash = createHash("md5").update(parsed.salt, "utf8").update(secret).digest();
  for (let round = 2 ** parsed.cost; round > 0; round--) {
    hash = createHash("md5").update(hash).update(secret).digest();
  }
  return bytesEqual(Buffer.from(encode64(hash)), Buffer.from(parsed.checksum));
}
