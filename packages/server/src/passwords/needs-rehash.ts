import { parseOptions } from "@node-rs/argon2";
import type { PasswordCredential } from "../store/store.js";
import { ARGON2ID_PARAMETERS } from "./hash-password.js";

/**
 * True when a stored credential should be replaced by a fresh argon2id digest after the next
 * successful password check: any other hasher, or argon2id weaker than our parameters.
 *
 * @example
 * needsRehash({ hasher: "bcrypt", digest }); // true
 */
export function needsRehash(credential: PasswordCredential): boolean {
  if (credential.hasher !== "argon2id") return true;
  try {
    const options = parseOptions(credential.digest);
    return (
      options.memoryCost < ARGON2ID_PARAMETERS.memoryCost ||
      options.timeCost < ARGON2ID_PARAMETERS.timeCost
    );
  } catch {
    return true;
  }
}
