import { ApiError } from "../../errors/api-error.js";

const MAX_URL_LENGTH = 2048;

/**
 * Checks an endpoint URL: absolute `http:` or `https:`, no user name or password (they cannot be
 * sent by `fetch`), at most 2048 characters.
 *
 * @throws ApiError `form_param_format_invalid` (`url`)
 * @example
 * checkWebhookUrl("https://example.com/api/webhooks"); // returns the URL unchanged
 */
export function checkWebhookUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const valid =
    parsed !== undefined &&
    (parsed.protocol === "http:" || parsed.protocol === "https:") &&
    parsed.username === "" &&
    parsed.password === "" &&
    url.length <= MAX_URL_LENGTH;
  if (!valid) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "url",
      longMessage: "url must be an absolute http or https URL without credentials.",
    });
  }
  return url;
}
