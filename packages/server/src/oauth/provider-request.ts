import { readResponseText } from "../internal/read-response-text.js";
import { OAuthProviderError, type OAuthProviderErrorCode } from "./oauth-provider-error.js";

/** How long any request to a provider may take. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** The largest answer read from a provider (tokens and profiles are a few KB). */
const PROVIDER_MAX_ANSWER_BYTES = 1024 * 1024;

/** A provider's answer: its status and its JSON body (`undefined` when the body was not JSON). */
export interface ProviderAnswer {
  status: number;
  body: unknown;
}

/**
 * Sends one request to a provider with a 10 s timeout and reads its JSON answer (up to 1 MiB;
 * a longer one is not read on, and its body is `undefined` as for an answer not JSON). A network
 * failure or timeout becomes an {@link OAuthProviderError} with `code`; the URL's origin and path
 * are named, never its query (which may hold a code).
 *
 * @throws OAuthProviderError with `code` when the provider cannot be reached in time.
 * @example
 * const { status, body } = await requestProvider(fetch, userUrl, { headers }, "profile_failed");
 */
export async function requestProvider(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  code: OAuthProviderErrorCode,
): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (cause) {
    const reason = cause instanceof Error && cause.name === "TimeoutError" ? "timed out" : "failed";
    throw new OAuthProviderError(code, `request to ${describeUrl(url)} ${reason}`, { cause });
  }
  const read = await readResponseText(response, PROVIDER_MAX_ANSWER_BYTES).catch(() => null);
  let body: unknown;
  try {
    // An answer past the bound is not read on, and counts as not JSON.
    body = read?.complete ? JSON.parse(read.text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** `origin + path` of a URL, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "an invalid URL";
  }
}

/** The provider's `error` and `error_description`, cut short, for a message; "" when none. */
export function describeProviderError(body: unknown): string {
  if (typeof body !== "object" || body === null) return "";
  const { error, error_description: description } = body as Record<string, unknown>;
  if (typeof error !== "string") return "";
  const text = typeof description === "string" ? `${error}: ${description}` : error;
  return ` (${text.replace(/[\r\n]+/g, " ").slice(0, 300)})`;
}

/** A JSON object as a record, or `null`. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
