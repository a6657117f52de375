import {
  type ClerkAPIError,
  type ClerkAPIErrorMeta,
  ClerkAPIResponseError,
} from "../../errors/clerk-api-response-error.js";
import { camelizeKeys } from "./camelize-keys.js";
import { redactSecret } from "./redact-secret.js";
import { parseRetryAfter } from "./retry-policy.js";

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function toApiError(raw: unknown, secretKey: string | undefined): ClerkAPIError | undefined {
  const entry = asRecord(raw);
  if (!entry) return undefined;
  const meta = asRecord(camelizeKeys(entry.meta)) ?? {};
  return {
    code: asString(entry.code),
    message: redactSecret(asString(entry.message), secretKey),
    longMessage: redactSecret(asString(entry.long_message), secretKey),
    meta: meta as ClerkAPIErrorMeta,
  };
}

/** What a failed response is turned into, with the request it answered. */
export interface FailedResponse {
  method: string;
  /** Path below the API base, e.g. `/v1/users/user_1`; never the query or the body. */
  path: string;
  response: Response;
  secretKey: string | undefined;
  nowMs: number;
}

/**
 * Reads a non-2xx response into a {@link ClerkAPIResponseError}. A body that is not Clerk's
 * envelope (HTML from a proxy, empty, unreadable) still gives one, with `errors: []`.
 */
export async function readApiError(failed: FailedResponse): Promise<ClerkAPIResponseError> {
  const { response, secretKey } = failed;
  let body: Record<string, unknown> | undefined;
  try {
    body = asRecord(JSON.parse(await response.text()));
  } catch {
    body = undefined;
  }
  const rawErrors = Array.isArray(body?.errors) ? body.errors : [];
  const errors = rawErrors
    .map((raw) => toApiError(raw, secretKey))
    .filter((error): error is ClerkAPIError => error !== undefined);
  const traceId = body?.clerk_trace_id;
  const clerkTraceId = typeof traceId === "string" ? traceId : undefined;
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"), failed.nowMs);

  const summary =
    errors.length > 0
      ? errors.map((error) => `${error.code}: ${error.message}`).join("; ")
      : "the response was not Clerk's error envelope";
  const message = redactSecret(
    `Clerk Backend API ${failed.method} ${failed.path} failed with status ${response.status} (${summary}).`,
    secretKey,
  );
  return new ClerkAPIResponseError(message, {
    status: response.status,
    errors,
    clerkTraceId,
    retryAfter,
  });
}
