import { createHash } from "node:crypto";
import { bytesEqual, type DigestHasher, decodeBase64 } from "./digest-hasher.js";

/** SHA-512's digest length. */
const SHA512_BYTES = 64;

/**
 * Symfony's default is 5000. The iterations run on the event loop, so they are bounded to what
 * takes under 0.2 s here: an imported digest cannot stall the instance.
 */
const MAX_ITERATIONS = 100_000;

/** `sha512_symfony$<iterations>$<salt>$<base64 hash>`; Symfony refuses `{` and `}` in a salt. */
const SYMFONY = /^sha512_symfony\$([1-9]\d{0,6})\$([^${}]*)\$([A-Za-z0-9+/]+={0,2})$/;

function parse(digest: string) {
  const match = SYMFONY.exec(digest);
  if (match === null) return null;
  const [, iterationsText = "", salt = "", hashText = ""] = match;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  const hash = decodeBase64(hashText);
  if (hash === null || hash.length !== SHA512_BYTES || hash.toString("base64") !== hashText) {
    return null;
  }
  return { iterations, salt, hash };
}

/**
 * Symfony's legacy `MessageDigestPasswordEncoder` with SHA-512 (`sha512_symfony`), in Clerk's
 * `sha512_symfony$<iterations>$<salt>$<hash>`: the password merged as `password{salt}` (the
 * password alone for an empty salt), hashed once, then re-hashed as SHA512(previous ‖ merged)
 * until `iterations` hashes in all, the 64 bytes in base64. Insecure: such users are moved to
 * argon2id on their first successful password check.
 *
 * @example
 * await sha512SymfonyDigest.verify(`sha512_symfony$5000$salt$${base64}`, "password");
 */
export const sha512SymfonyDigest: DigestHasher = {
  isWellFormed: (digest) => parse(digest) !== null,
  async verify(digest, password) {
    const parsed = parse(digest);
    if (parsed === null) return false;
    const merged = Buffer.from(parsed.salt === "" ? password : `${password}{${parsed.salt}}`);
    let hash = createHash("sha512").update(merged).digest();
    for (let i = 1; i < parsed.iterations; i++) {
      hash = createHash("sha512").update(hash).update(merged).digest();
    }
    return bytesEqual(hash, parsed.hash);
  },
};
