import { hashPassword } from "../passwords/hash-password.js";
import { verifyPassword } from "../passwords/verify-password.js";
import type { Store } from "../store/store.js";

/** Where the console password's hash is kept (instance values). */
const CONSOLE_PASSWORD = "console_password";

/** Shortest console password accepted. */
export const CONSOLE_PASSWORD_MIN_LENGTH = 12;

/**
 * Sets the console password (argon2id; only the hash is kept), replacing any earlier one.
 *
 * @throws Error when the password is shorter than {@link CONSOLE_PASSWORD_MIN_LENGTH}
 * @example
 * await setConsolePassword(store, "a long passphrase here");
 */
export async function setConsolePassword(store: Store, password: string): Promise<void> {
  if (password.length < CONSOLE_PASSWORD_MIN_LENGTH) {
    throw new Error(
      `The console password needs at least ${CONSOLE_PASSWORD_MIN_LENGTH} characters.`,
    );
  }
  const credential = await hashPassword(password);
  await store.setInstanceValue(CONSOLE_PASSWORD, credential.digest);
}

/** Whether `password` is the console password; false when none is set. */
export async function isConsolePassword(store: Store, password: string): Promise<boolean> {
  const digest = await store.getInstanceValue(CONSOLE_PASSWORD);
  if (digest === null) return false;
  return verifyPassword({ digest, hasher: "argon2id" }, password);
}
