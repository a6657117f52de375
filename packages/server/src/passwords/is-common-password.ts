import { COMMON_PASSWORDS } from "./common-passwords.js";

let commonSet: ReadonlySet<string> | undefined;

/**
 * True when `password` (compared case-insensitively) is on the bundled list of the most common
 * passwords. The list is turned into a set once, on first use.
 *
 * @example
 * isCommonPassword("Password123"); // true
 */
export function isCommonPassword(password: string): boolean {
  commonSet ??= new Set(COMMON_PASSWORDS.map((entry) => entry.toLowerCase()));
  return commonSet.has(password.toLowerCase());
}
