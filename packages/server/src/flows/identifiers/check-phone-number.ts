import { ApiError } from "../../errors/api-error.js";

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Checks a phone number's format (E.164: `+`, country code, up to 15 digits).
 *
 * @throws ApiError `form_param_format_invalid` (param `phone_number`)
 * @example
 * checkPhoneNumber("+15555550100");
 */
export function checkPhoneNumber(value: string): string {
  const compact = value.replace(/[\s().-]/g, "");
  if (!E164.test(compact)) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "phone_number",
      longMessage: "phone_number must be in E.164 format, e.g. +15555550100.",
    });
  }
  return compact;
}
