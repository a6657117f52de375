import { ApiError } from "./api-error.js";

/**
 * `form_param_max_length_exceeded` (422) for a parameter over its limit, naming it and saying the
 * limit in words and in `meta.max_length`.
 *
 * @example
 * throw maxLengthError("first_name", 256, "characters");
 */
export function maxLengthError(
  paramName: string,
  limit: number,
  unit: "characters" | "bytes" | "items",
): ApiError {
  return new ApiError("form_param_max_length_exceeded", {
    paramName,
    longMessage: `${paramName} must be at most ${limit} ${unit}${unit === "bytes" ? " as JSON" : ""}.`,
    meta: { max_length: limit },
  });
}
