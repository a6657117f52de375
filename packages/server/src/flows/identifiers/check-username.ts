import { ApiError } from "../../errors/api-error.js";

const USERNAME_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * Checks a username: 4–64 characters, letters, digits, `_` and `-`. Blank means none.
 *
 * @throws ApiError `form_username_invalid_length`, `form_username_invalid_character` (param `username`)
 * @example
 * checkUsername("ada_l"); // "ada_l"
 */
export function checkUsername(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (trimmed.length < 4 || trimmed.length > 64) {
    throw new ApiError("form_username_invalid_length", { paramName: "username" });
  }
  if (!USERNAME_CHARACTERS.test(trimmed)) {
    throw new ApiError("form_username_invalid_character", { paramName: "username" });
  }
  return trimmed;
}
