import { BackendError } from "../../errors/backend-error.js";

/**
 * Builds a Backend API path from a template, checking and URL-encoding every interpolated id.
 *
 * @throws BackendError `invalid-resource-id` when an id is empty or not a string.
 * @example apiPath`/users/${userId}/metadata`
 */
export function apiPath(strings: TemplateStringsArray, ...ids: unknown[]): string {
  let path = strings[0] ?? "";
  ids.forEach((id, index) => {
    if (typeof id !== "string" || id.trim() === "") {
      throw new BackendError(
        "invalid-resource-id",
        "A valid resource id is required (got an empty or non-string value).",
      );
    }
    path += encodeURIComponent(id) + (strings[index + 1] ?? "");
  });
  return path;
}
