import { ApiError } from "../../errors/api-error.js";

const PARAM_BY_CONSTRAINT: Record<string, { param: string; noun: string }> = {
  users_external_id_key: { param: "external_id", noun: "external ID" },
  users_username_key: { param: "username", noun: "username" },
  email_addresses_email_key: { param: "email_address", noun: "email address" },
  phone_numbers_phone_number_key: { param: "phone_number", noun: "phone number" },
  organization_roles_key_key: { param: "key", noun: "role key" },
  organization_permissions_key_key: { param: "key", noun: "permission key" },
};

/** Builds the `form_identifier_exists` error for a parameter. */
export function identifierExists(param: string, noun: string, cause?: unknown): ApiError {
  return new ApiError("form_identifier_exists", {
    paramName: param,
    message: `That ${noun} is taken. Please try another.`,
    longMessage: `That ${noun} is taken. Please try another.`,
    cause,
  });
}

/**
 * Turns a PostgreSQL unique violation (SQLSTATE 23505) on a known constraint into
 * `form_identifier_exists`; any other error is returned unchanged.
 */
export function translateUniqueViolation(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== "23505" || typeof constraint !== "string") return error;
  const known = PARAM_BY_CONSTRAINT[constraint];
  if (known === undefined) return error;
  // The driver error carries the statement's parameters: keep only what is safe as the cause.
  return identifierExists(known.param, known.noun, { code, constraint });
}
