import type { ApiError } from "../errors/api-error.js";
import { ApiErrorList } from "../errors/api-error-list.js";
import { maxLengthError } from "../errors/max-length-error.js";
import { jsonBytes, METADATA_MAX_BYTES } from "../internal/metadata-size.js";

/** Longest text parameter not named in {@link TEXT_LIMITS}, in characters. */
export const DEFAULT_TEXT_LIMIT = 2048;

/** Most items in an array parameter (`email_address`, `user_id`…): Clerk's page size. */
export const MAX_ARRAY_ITEMS = 500;

/**
 * Longest value per parameter name, in characters. Fields with rules of their own (username,
 * password, email) get room for those rules to answer first with their precise codes.
 */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  first_name: 256,
  last_name: 256,
  name: 256,
  slug: 256,
  external_id: 255,
  username: 256,
  email_address: 320,
  phone_number: 64,
  web3_wallet: 256,
  locale: 64,
  code: 64,
  strategy: 64,
  role: 256,
  key: 256,
  description: 1024,
  password: 4096,
  new_password: 4096,
  current_password: 4096,
  password_digest: 1024,
  password_hasher: 64,
  totp_secret: 256,
  backup_codes: 256,
  token: 16 * 1024,
  signing_key: 16 * 1024,
};

/** Parameters holding JSON objects, with their largest JSON size in bytes. */
const JSON_LIMITS: Readonly<Record<string, number>> = {
  public_metadata: METADATA_MAX_BYTES,
  private_metadata: METADATA_MAX_BYTES,
  unsafe_metadata: METADATA_MAX_BYTES,
  claims: METADATA_MAX_BYTES,
};

/** The error for one value of parameter `name`, or null when it is within its limit. */
function checkValue(name: string, value: unknown): ApiError | null {
  const jsonLimit = JSON_LIMITS[name];
  if (jsonLimit !== undefined) {
    return jsonBytes(value) > jsonLimit ? maxLengthError(name, jsonLimit, "bytes") : null;
  }
  if (typeof value === "string") {
    const limit = TEXT_LIMITS[name] ?? DEFAULT_TEXT_LIMIT;
    return value.length > limit ? maxLengthError(name, limit, "characters") : null;
  }
  if (typeof value === "object" && value !== null) {
    // An object under any other name is held to the metadata size.
    return jsonBytes(value) > METADATA_MAX_BYTES
      ? maxLengthError(name, METADATA_MAX_BYTES, "bytes")
      : null;
  }
  return null;
}

/**
 * Refuses input with a parameter over its size limit, before any schema or write sees it:
 * metadata and template claims over 8 KB of JSON, names over 256 characters, external ids over
 * 255, any other text over {@link DEFAULT_TEXT_LIMIT}, arrays over {@link MAX_ARRAY_ITEMS} items.
 * Every parameter of every route is covered by name, so a new field has a limit from the start.
 *
 * @throws ApiErrorList of `form_param_max_length_exceeded` (422), one per parameter, each naming
 *   it in `meta.param_name` with the limit in `meta.max_length`
 * @example
 * const body = parseInput(route.body, refuseOversizedFields(json));
 */
export function refuseOversizedFields<T>(input: T): T {
  if (typeof input !== "object" || input === null) return input;
  const errors: ApiError[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (Array.isArray(value) && JSON_LIMITS[name] === undefined) {
      if (value.length > MAX_ARRAY_ITEMS) {
        errors.push(maxLengthError(name, MAX_ARRAY_ITEMS, "items"));
        continue;
      }
      const first = value.map((item) => checkValue(name, item)).find((error) => error !== null);
      if (first) errors.push(first);
      continue;
    }
    const error = checkValue(name, value);
    if (error !== null) errors.push(error);
  }
  if (errors.length > 0) throw new ApiErrorList(errors);
  return input;
}
