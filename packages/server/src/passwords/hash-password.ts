import { type Algorithm, hash } from "@node-rs/argon2";
import type { PasswordCredential } from "../store/store.js";

/**
 * argon2id parameters for new passwords: 19 MiB, 2 passes, 1 lane — OWASP's minimum
 * recommendation for argon2id (Password Storage Cheat Sheet).
 */
export const ARGON2ID_PARAMETERS = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

// `Algorithm` is a const enum that isolatedModules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * Hashes a new password with argon2id (random 16-byte salt, PHC string).
 *
 * @example
 * const credential = await hashPassword("correct horse battery staple");
 * // { digest: "$argon2id$v=19$m=19456,t=2,p=1$…", hasher: "argon2id" }
 */
export async function hashPassword(password: string): Promise<PasswordCredential> {
  const digest = await hash(password, { ...ARGON2ID_PARAMETERS, algorithm: ARGON2ID });
  return { digest, hasher: "argon2id" };
}
