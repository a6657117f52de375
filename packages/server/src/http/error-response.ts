import type { ApiError } from "../errors/api-error.js";
import { jsonResponse } from "./json-response.js";

/**
 * Renders errors in Clerk's envelope, `{ errors: [...], ...fields, clerk_trace_id }`, with the
 * first error's status, `X-Clerk-Trace-Id`, and `Retry-After` for rate-limited requests. `fields`
 * adds what an API puts beside the errors (the Frontend API's `meta: { client }`).
 *
 * @example
 * return errorResponse([new ApiError("resource_not_found")], traceId);
 */
export function errorResponse(
  errors: readonly ApiError[],
  traceId: string,
  fields: Record<string, unknown> = {},
): Response {
  const status = errors[0]?.status ?? 500;
  const body = {
    errors: errors.map((error) => ({
      message: error.message,
      long_message: error.longMessage,
      code: error.code,
      meta: {
        ...error.meta,
        ...(error.paramName === undefined ? {} : { param_name: error.paramName }),
      },
    })),
    ...fields,
    clerk_trace_id: traceId,
  };
  const headers: Record<string, string> = { "X-Clerk-Trace-Id": traceId };
  const retryAfter = errors[0]?.meta?.retry_after;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  return jsonResponse(body, status, headers);
}
