import { verify } from "@node-rs/argon2";
import type { DigestHasher } from "./digest-hasher.js";

/** An argon2 digest in PHC form: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`. */
function phcPattern(variant: "argon2i" | "argon2id"): RegExp {
  return new RegExp(
    `^\\$${variant}\\$(v=\\d+\\$)?m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$`,
  );
}

/**
 * Digests produced by argon2i or argon2id, in PHC form (the library compares in constant time).
 *
 * @example
 * await argon2Digest("argon2id").verify(digest, "correct horse battery staple");
 */
export function argon2Digest(variant: "argon2i" | "argon2id"): DigestHasher {
  const pattern = phcPattern(variant);
  return {
    isWellFormed: (digest) => pattern.test(digest),
    async verify(digest, password) {
      try {
        return await verify(digest, password);
      } catch {
        return false;
      }
    },
  };
}
