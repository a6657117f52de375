import { ApiError } from "../errors/api-error.js";
import { isCommonPassword } from "./is-common-password.js";

/** Shortest accepted password, in characters. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest accepted password, in characters and in UTF-8 bytes. */
export const MAX_PASSWORD_LENGTH = 72;

/**
 * Applies the password policy to a new password (not to imported digests). Messages never
 * contain the password.
 *
 * @throws ApiError (param `password`) `form_password_length_too_short` under 8 characters,
 *   `form_password_length_too_long` over 72 characters, `form_password_size_in_bytes_exceeded`
 *   over 72 UTF-8 bytes, `form_password_pwned` for a password on the common-passwords list
 * @example
 * checkPasswordRules("correct horse battery staple"); // passes
 */
export function checkPasswordRules(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new ApiError("form_password_length_too_short", { paramName: "password" });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new ApiError("form_password_length_too_long", { paramName: "password" });
  }
  if (Buffer.byteLength(password, "utf8") > MAX_PASSWORD_LENGTH) {
    throw new ApiError("form_password_size_in_bytes_exceeded", { paramName: "password" });
  }
  if (isCommonPassword(password)) {
    throw new ApiError("form_password_pwned", { paramName: "password" });
  }
}
