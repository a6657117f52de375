import { pbkdf2 } from "node:crypto";
import { promisify } from "node:util";
import { bytesEqual, type DigestHasher, decodeBase64 } from "./digest-hasher.js";

const pbkdf2Async = promisify(pbkdf2);

/**
 * Work accepted from imports, in PRF blocks × iterations: enough for any real iteration count,
 * bounded so a digest cannot stall us. PBKDF2 runs the whole iteration count once per output
 * block of the hash function, so a long hash multiplies the work.
 */
const MAX_ITERATIONS = 10_000_000;

/** Output bytes of each PRF, the size of one PBKDF2 block. */
const BLOCK_BYTES = { sha1: 20, sha256: 32, sha512: 64 } as const;

/** The longest stored hash accepted (SHA-512's output); longer ones only add work. */
const MAX_HASH_BYTES = 64;

/**
 * How a PBKDF2 digest of the form `<prefix>$<iterations>$<salt>$<hash>` (optionally followed by
 * `$<key length>`) is read.
 */
export interface Pbkdf2Format {
  /** First segment, e.g. `pbkdf2_sha256`. */
  prefix: string;
  digest: "sha1" | "sha256" | "sha512";
  /**
   * `base64`: the salt segment is base64-encoded; `raw`: its UTF-8 bytes are the salt (Django);
   * `hex-or-raw`: hex-decoded when it is hex, else its UTF-8 bytes (Clerk's `pbkdf2_sha1`);
   * `hex`: hex-decoded, refused when it is not hex (Clerk's `pbkdf2_sha512_hex`).
   */
  salt: "base64" | "raw" | "hex-or-raw" | "hex";
  /** How the hash segment is encoded; `base64` unless given (`pbkdf2_sha1` uses `hex`). */
  hash?: "base64" | "hex";
  /** True when a fifth `$<key length>` segment may follow; it must equal the hash's byte length. */
  keyLengthSegment?: boolean;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

function decodeSalt(format: Pbkdf2Format, text: string): Buffer | null {
  if (format.salt === "base64") return decodeBase64(text);
  if (format.salt === "hex") return HEX.test(text) ? Buffer.from(text, "hex") : null;
  if (format.salt === "hex-or-raw" && HEX.test(text)) return Buffer.from(text, "hex");
  return Buffer.from(text, "utf8");
}

function decodeHash(format: Pbkdf2Format, text: string): Buffer | null {
  if (format.hash !== "hex") return decodeBase64(text);
  return HEX.test(text) ? Buffer.from(text, "hex") : null;
}

function parse(format: Pbkdf2Format, digest: string) {
  const parts = digest.split("$");
  const segments = format.keyLengthSegment === true && parts.length === 5 ? 5 : 4;
  if (parts.length !== segments || parts[0] !== format.prefix) return null;
  const [, iterationsText = "", saltText = "", hashText = "", keyLengthText] = parts;
  if (!/^[1-9]\d{0,7}$/.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  const salt = decodeSalt(format, saltText);
  const hash = decodeHash(format, hashText);
  if (salt === null || salt.length === 0 || hash === null) return null;
  if (hash.length < 16 || hash.length > MAX_HASH_BYTES) return null;
  const blocks = Math.ceil(hash.length / BLOCK_BYTES[format.digest]);
  if (iterations * blocks > MAX_ITERATIONS) return null;
  if (keyLengthText !== undefined && keyLengthText !== String(hash.length)) return null;
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
