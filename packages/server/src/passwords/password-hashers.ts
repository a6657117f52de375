import { ApiError } from "../errors/api-error.js";
import { argon2Digest } from "./hashers/argon2-digest.js";
import { awsCognitoDigest } from "./hashers/aws-cognito-digest.js";
import { bcryptDigest } from "./hashers/bcrypt-digest.js";
import { bcryptSha256DjangoDigest } from "./hashers/bcrypt-sha256-django-digest.js";
import type { DigestHasher } from "./hashers/digest-hasher.js";
import { ldapSshaDigest } from "./hashers/ldap-ssha-digest.js";
import { pbkdf2Digest } from "./hashers/pbkdf2-digest.js";
import { phpassDigest } from "./hashers/phpass-digest.js";
import { scryptFirebaseDigest } from "./hashers/scrypt-firebase-digest.js";
import { scryptWerkzeugDigest } from "./hashers/scrypt-werkzeug-digest.js";
import { sha512SymfonyDigest } from "./hashers/sha512-symfony-digest.js";
import { unsaltedHexDigest } from "./hashers/unsalted-hex-digest.js";

/** Every `password_hasher` accepted with `password_digest` (Clerk's names). */
const HASHERS = {
  argon2id: argon2Digest("argon2id"),
  argon2i: argon2Digest("argon2i"),
  awscognito: awsCognitoDigest(),
  bcrypt: bcryptDigest,
  bcrypt_sha256_django: bcryptSha256DjangoDigest,
  ldap_ssha: ldapSshaDigest,
  md5: unsaltedHexDigest("md5"),
  md5_phpass: phpassDigest(["P", "H"]),
  pbkdf2_sha1: pbkdf2Digest({
    prefix: "pbkdf2_sha1",
    digest: "sha1",
    salt: "hex-or-raw",
    hash: "hex",
    keyLengthSegment: true,
  }),
  pbkdf2_sha256: pbkdf2Digest({ prefix: "pbkdf2_sha256", digest: "sha256", salt: "base64" }),
  pbkdf2_sha256_django: pbkdf2Digest({ prefix: "pbkdf2_sha256", digest: "sha256", salt: "raw" }),
  pbkdf2_sha512: pbkdf2Digest({ prefix: "pbkdf2_sha512", digest: "sha512", salt: "base64" }),
  pbkdf2_sha512_hex: pbkdf2Digest({
    prefix: "pbkdf2_sha512_hex",
    digest: "sha512",
    salt: "hex",
    hash: "hex",
  }),
  phpass: phpassDigest(["P"]),
  scrypt_firebase: scryptFirebaseDigest,
  scrypt_werkzeug: scryptWerkzeugDigest,
  sha256: unsaltedHexDigest("sha256"),
  sha512_symfony: sha512SymfonyDigest,
} as const satisfies Record<string, DigestHasher>;

/** A supported password hasher name. */
export type PasswordHasherName = keyof typeof HASHERS;

/** The hasher names we accept, for error messages and docs. */
export const PASSWORD_HASHER_NAMES = Object.keys(HASHERS) as PasswordHasherName[];

/** The hasher of a stored digest; null for a name we do not know. */
export function findDigestHasher(name: string): DigestHasher | null {
  return Object.hasOwn(HASHERS, name) ? HASHERS[name as PasswordHasherName] : null;
}

/**
 * Checks an imported digest before it is stored.
 *
 * @throws ApiError `form_param_value_invalid` (param `password_hasher`) for an unknown hasher,
 *   `form_password_digest_invalid` (param `password_digest`) when the digest does not have the
 *   hasher's shape. Neither message contains the digest.
 * @example
 * checkPasswordDigest("bcrypt", "$2a$10$…");
 */
export function checkPasswordDigest(hasher: string, digest: string): PasswordHasherName {
  const found = findDigestHasher(hasher);
  if (found === null) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "password_hasher",
      longMessage: `password_hasher must be one of: ${PASSWORD_HASHER_NAMES.join(", ")}.`,
    });
  }
  if (!found.isWellFormed(digest)) {
    throw new ApiError("form_password_digest_invalid", { paramName: "password_digest" });
  }
  return hasher as PasswordHasherName;
}
