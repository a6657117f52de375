import { ClerkAPIResponseError } from "@latchkey/backend";
import { apiErrorMessage, thrownErrorMessage } from "../../internal/localization/error-message.js";
import type { Localization } from "../../internal/localization/localization.js";
import type { PasswordRules } from "./use-password-rules.js";

/** Errors of a form: one message per field, and one for the whole form. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

/** No errors. */
export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** Which field an error code belongs to when the instance names no parameter. */
const FIELD_BY_CODE: Record<string, string> = {
  form_password_incorrect: "password",
  form_password_pwned: "password",
  form_password_length_too_short: "password",
  form_password_length_too_long: "password",
  form_password_size_in_bytes_exceeded: "password",
  form_password_digest_invalid: "password",
  form_identifier_not_found: "identifier",
  form_identifier_exists: "email_address",
  form_code_incorrect: "code",
  verification_failed: "code",
  verification_expired: "code",
};

/**
 * Sorts a failed call's errors onto the form's fields, in plain words: each error goes beside
 * the field its `meta.paramName` (or, failing that, its code) names, when the form has that
 * field; the rest become the form's message. Messages come from the localization's
 * `unstable__errors` by code ({@link apiErrorMessage}); the instance's own text only for a code
 * without one.
 *
 * @example
 * formErrorsFrom(err, { identifier: "email", password: "password" }, enUS, DEFAULT_PASSWORD_RULES);
 */
export function formErrorsFrom(
  error: unknown,
  fieldByParam: Record<string, string>,
  localization: Localization,
  passwordRules: PasswordRules,
): FormErrors {
  if (!(error instanceof ClerkAPIResponseError) || error.errors.length === 0) {
    return { fields: {}, form: thrownErrorMessage(error, localization) };
  }
  const context = {
    passwordMinLength: passwordRules.minLength,
    passwordMaxLength: passwordRules.maxLength,
  };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const entry of error.errors) {
    const message = apiErrorMessage(entry, error, localization, context);
    const param = entry.meta.paramName ?? FIELD_BY_CODE[entry.code];
    const field = param === undefined ? undefined : fieldByParam[param];
    if (field !== undefined && fields[field] === undefined) fields[field] = message;
    else if (!rest.includes(message)) rest.push(message);
  }
  return { fields, form: rest.length === 0 ? null : rest.join(" ") };
}
