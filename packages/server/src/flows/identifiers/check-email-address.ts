import { ApiError } from "../../errors/api-error.js";

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Checks an email address's format (one `@`, a dotted domain, no spaces).
 *
 * @throws ApiError `form_param_format_invalid` (param `email_address`)
 * @example
 * checkEmailAddress("ada@example.com");
 */
export function checkEmailAddress(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > 320 || !EMAIL.test(trimmed)) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "email_address",
      longMessage: "email_address must be a valid email address.",
    });
  }
  return trimmed;
}
