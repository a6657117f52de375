import { ApiError } from "../errors/api-error.js";
import { jsonNestingDepth } from "./json-nesting-depth.js";

/** Deepest nesting accepted in a JSON body (metadata included); deeper input is refused. */
export const MAX_JSON_BODY_DEPTH = 64;

/**
 * Parses a request body that must be a JSON object; blank text is `{}`. Input nested deeper than
 * {@link MAX_JSON_BODY_DEPTH} is refused before `JSON.parse`, so recursive code never meets it.
 * `expected` completes the error's long message ("The request body must be …").
 *
 * @throws ApiError `request_body_invalid` for text that is not JSON, JSON that is not an object,
 *   or nesting past the limit
 * @example
 * const body = parseJsonObjectBody(await request.text()); // { first_name: "Ada" }
 */
export function parseJsonObjectBody(
  text: string,
  expected = "a JSON object",
): Record<string, unknown> {
  if (text.trim() === "") return {};
  if (jsonNestingDepth(text) > MAX_JSON_BODY_DEPTH) {
    throw new ApiError("request_body_invalid", {
      longMessage: `The request body is nested more than ${MAX_JSON_BODY_DEPTH} levels deep.`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ApiError("request_body_invalid", { cause });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("request_body_invalid", {
      longMessage: `The request body must be ${expected}.`,
    });
  }
  return parsed as Record<string, unknown>;
}
