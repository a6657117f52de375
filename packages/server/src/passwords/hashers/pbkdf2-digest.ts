import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import { bytesEqual, type DigestHasher, decodeBase64 } from "./digest-hasher.js";

const pbkdf2Async = promisify(pbkdf2);

/** Iteration counts accepted from imports: enough to be real, bounded so a digest cannot stall us. */
const MAX_ITERATIONS = 10_000_000;

/** How a PBKDF2 digest of the form `<prefix>$<iterations>$<salt>$<hash>` is read. */
export interface Pbkdf2Format {
  /** First segment, e.g. `pbkdf2_sha256`. */
  prefix: string;
  digest: "sha1" | "sha256" | "sha512";
  /** `base64`: the salt segment is base64-encoded; `raw`: its UTF-8 bytes are the salt (Django). */
  salt: "base64" | "raw";
  /** How the hash segment is encoded; `base64` unless given (`pbkdf2_sha1` uses `hex`). */
  hash?: "base64" | "hex";
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

function decodeHash(format: Pbkdf2Format, text: string): Buffer | null {
  if (format.hash !== "hex") return decodeBase64(text);
  return HEX.test(text) ? Buffer.from(text, "hex") : null;
}

function parse(format: Pbkdf2Format, digest: string) {
  const parts = digest.split("$");
  if (parts.length !== 4 || parts[0] !== format.prefix) return null;
  const [, iterationsText = "", saltText = "", hashText = ""] = parts;
  if (!/^[1-9]\d{0,7}$/.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  const salt = format.salt === "raw" ? Buffer.from(saltText, "utf8") : decodeBase64(saltText);
  const hash = decodeHash(format, hashText);
  if (salt === null || salt.length === 0 || hash === null || hash.length < 16) return null;
  return { iterations, salt, hash };
}

/**
 * PBKDF2 digests (`pbkdf2_sha256$<iterations>$<salt>$<hash>`, the hash base64- or hex-encoded).
 *
 * @example
 * pbkdf2Digest({ prefix: "pbkdf2_sha256", digest: "sha256", salt: "raw" }).isWellFormed(d);
 */
export function pbkdf2Digest(format: Pbkdf2Format): DigestHasher {
  return {
    isWellFormed: (digest) => parse(format, digest) !== null,
    async verify(digest, password) {
      const parsed = parse(format, digest);
      if (parsed === null) return false;
      const derived = await pbkdf2Async(
        Buffer.from(password, "utf8"),
        parsed.salt,
        parsed.iterations,
        parsed.hash.length,
        format.digest,
      );
      return bytesEqual(derived, parsed.hash);
    },
  };
}
