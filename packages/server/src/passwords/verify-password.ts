import type { PasswordCredential } from "../store/store.js";
import { findDigestHasher } from "./password-hashers.js";

/**
 * Checks a password against a stored credential with the credential's hasher. Comparisons are
 * constant-time; an unknown hasher or a malformed digest simply does not match.
 *
 * @example
 * if (await verifyPassword(credential, body.password)) { … }
 */
export async function verifyPassword(
  credential: PasswordCredential,
  password: string,
): Promise<boolean> {
  const hasher = findDigestHasher(credential.hasher);
  if (hasher === null) return false;
  return hasher.verify(credential.digest, password);
}
