import { ClerkAPIResponseError } from "@latchkey/backend";

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
  form_identifier_not_found: "identifier",
  form_identifier_exists: "email_address",
  form_code_incorrect: "code",
  verification_failed: "code",
  verification_expired: "code",
};

/**
 * Sorts a failed call's errors onto the form's fields: each error goes beside the field its
 * `meta.paramName` (or, failing that, its code) names, when the form has that field; the rest
 * become the form's message. Errors that are not the instance's get a generic message.
 *
 * @example
 * formErrorsFrom(err, { identifier: "email", email_address: "email", password: "password" });
 */
export function formErrorsFrom(error: unknown, fieldByParam: Record<string, string>): FormErrors {
  if (!(error instanceof ClerkAPIResponseError) || error.errors.length === 0) {
    return { fields: {}, form: "Something went wrong. Please try again." };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const entry of error.errors) {
    const message = entry.longMessage || entry.message || entry.code;
    const param = entry.meta.paramName ?? FIELD_BY_CODE[entry.code];
    const field = param === undefined ? undefined : fieldByParam[param];
    if (field !== undefined && fields[field] === undefined) fields[field] = message;
    else rest.push(message);
  }
  return { fields, form: rest.length === 0 ? null : rest.join(" ") };
}
