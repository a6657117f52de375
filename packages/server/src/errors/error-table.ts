/**
 * The single table mapping every error code the server can answer with to its HTTP status and
 * default messages. Codes are the contract; messages may change.
 */
export const ERROR_TABLE = {
  authentication_invalid: {
    status: 401,
    message: "Invalid authentication",
    longMessage: "Unable to authenticate the request, you need to supply an active API key",
  },
  clerk_key_invalid: {
    status: 401,
    message: "Secret Key is invalid",
    longMessage:
      "The provided Secret Key is invalid. Make sure that your Secret Key is correct and that it has the expected format.",
  },
  resource_not_found: {
    status: 404,
    message: "not found",
    longMessage: "Resource not found",
  },
  request_body_invalid: {
    status: 400,
    message: "Request body invalid",
    longMessage: "The request body could not be parsed. Send a valid JSON object.",
  },
  request_body_too_large: {
    status: 413,
    message: "Request body too large",
    longMessage: "The request body exceeds the maximum allowed size.",
  },
  form_param_missing: {
    status: 422,
    message: "is missing",
    longMessage: "A required parameter is missing.",
  },
  form_param_format_invalid: {
    status: 422,
    message: "is invalid",
    longMessage: "A parameter has an invalid format.",
  },
  form_param_unknown: {
    status: 422,
    message: "is unknown",
    longMessage: "A parameter is not valid for this request.",
  },
  form_param_value_invalid: {
    status: 422,
    message: "is invalid",
    longMessage: "A parameter has a value that is not allowed.",
  },
  form_identifier_exists: {
    status: 422,
    message: "That identifier is taken. Please try another.",
    longMessage: "That identifier is taken. Please try another.",
  },
  form_username_invalid_length: {
    status: 422,
    message: "Usernames must be between 4 and 64 characters long.",
    longMessage: "Usernames must be between 4 and 64 characters long.",
  },
  form_username_invalid_character: {
    status: 422,
    message: "Usernames can only contain letters, numbers, and '_' or '-'.",
    longMessage: "Usernames can only contain letters, numbers, and '_' or '-'.",
  },
  form_password_length_too_short: {
    status: 422,
    message: "Passwords must be 8 characters or more.",
    longMessage: "Passwords must be 8 characters or more.",
  },
  form_password_length_too_long: {
    status: 422,
    message: "Passwords must be 72 characters or fewer.",
    longMessage: "Passwords must be 72 characters or fewer.",
  },
  form_password_size_in_bytes_exceeded: {
    status: 422,
    message: "Passwords must be 72 bytes or fewer.",
    longMessage: "Passwords must be 72 bytes or fewer once encoded as UTF-8.",
  },
  form_password_pwned: {
    status: 422,
    message: "Password is too common.",
    longMessage:
      "This password is on a list of commonly used or breached passwords. Please use a different password.",
  },
  form_password_digest_invalid: {
    status: 422,
    message: "Password digest is invalid",
    longMessage: "The password digest does not match the format expected by the password hasher.",
  },
  form_password_incorrect: {
    status: 422,
    message: "Password is incorrect. Try again, or use another method.",
    longMessage: "Password is incorrect. Try again, or use another method.",
  },
  form_code_incorrect: {
    status: 422,
    message: "Incorrect code",
    longMessage: "The code is incorrect.",
  },
  password_not_set: {
    status: 400,
    message: "Password not set",
    longMessage: "The user does not have a password set.",
  },
  totp_not_enabled: {
    status: 400,
    message: "TOTP not enabled",
    longMessage: "The user does not have TOTP configured for their account.",
  },
  too_many_requests: {
    status: 429,
    message: "Too many requests",
    longMessage: "Too many requests. Please try again later.",
  },
  internal_clerk_error: {
    status: 500,
    message: "Oops, an unexpected error occurred",
    longMessage:
      "There was an internal error on our servers. We've been notified and are working on fixing it.",
  },
} as const satisfies Record<string, { status: number; message: string; longMessage: string }>;

/** Every error code the server answers with. */
export type ApiErrorCode = keyof typeof ERROR_TABLE;
