/** Prefixes of the ids the server mints, as Clerk spells them. */
export type IdPrefix =
  | "user"
  | "idn"
  | "img"
  | "sess"
  | "client"
  | "org"
  | "orgmem"
  | "jtmp"
  | "inv"
  | "orginv"
  | "role"
  | "perm"
  | "msg"
  | "whe"
  | "whd"
  | "ema"
  | "sia"
  | "sua"
  | "vco"
  | "bcode"
  | "totp"
  | "eac"
  | "oar"
  | "caud";

/** Mints a new id for a resource, e.g. `user_2x…` (prefix, underscore, 27 base62 characters). */
export type IdGenerator = (prefix: IdPrefix) => string;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 27;

/**
 * Returns 27 uniformly random base62 characters from `crypto.getRandomValues`
 * (rejection sampling: bytes ≥ 248 are discarded so every character is equally likely).
 */
export function randomBase62(length = ID_LENGTH): string {
  let out = "";
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte >= 248) continue;
      out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * The default id generator.
 *
 * @example
 * defaultIdGenerator("user"); // "user_3kTq…"
 */
export const defaultIdGenerator: IdGenerator = (prefix) => `${prefix}_${randomBase62()}`;
