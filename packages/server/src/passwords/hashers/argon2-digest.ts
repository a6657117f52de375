import { verify } from "@node-rs/argon2";
import type { DigestHasher } from "./digest-hasher.js";

/** An argon2 digest in PHC form: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`. */
function phcPattern(variant: "argon2i" | "argon2id"): RegExp {
  return new RegExp(
    `^\\$${variant}\\$(?:v=\\d{1,3}\\$)?m=(\\d{1,7}),t=(\\d{1,7}),p=(\\d{1,3})\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$`,
  );
}

/**
 * Cost parameters accepted from imports, well above what web services use (OWASP: m=19456, t=2;
 * RFC 9106's second choice: m=65536, t=3) and bounded so a digest cannot exhaust the instance:
 * memory as for scrypt (256 MiB per check), and memory × passes to ~1 s of work here.
 */
const MAX_MEMORY_KIB = 262_144;
const MAX_MEMORY_PASSES = 2_097_152;
const MAX_LANES = 16;

function withinBounds(match: RegExpExecArray): boolean {
  const [memory, passes, lanes] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Argon2 itself wants at least one pass, one lane, and 8 KiB of memory per lane.
  if (passes < 1 || lanes < 1 || lanes > MAX_LANES || memory < 8 * lanes) return false;
  return memory <= MAX_MEMORY_KIB && memory * passes <= MAX_MEMORY_PASSES;
}

/**
 * Digests produced by argon2i or argon2id, in PHC form (the library compares in constant time).
 *
 * @example
 * await argon2Digest("argon2id").verify(digest, "correct horse battery staple");
 */
export function argon2Digest(variant: "argon2i" | "argon2id"): DigestHasher {
  const pattern = phcPattern(variant);
  const isWellFormed = (digest: string) => {
    const match = pattern.exec(digest);
    return match !== null && withinBounds(match);
  };
  return {
    isWellFormed,
    async verify(digest, password) {
      // Checked here too: a digest stored before these bounds never runs beyond them.
      if (!isWellFormed(digest)) return false;
      try {
        return await verify(digest, password);
      } catch {
        return false;
      }
    },
  };
}
