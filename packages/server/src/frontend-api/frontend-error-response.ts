import type { ApiError } from "../errors/api-error.js";
import { jsonResponse } from "../http/json-response.js";

/**
 * Clerk's Frontend API error envelope: `{ errors, meta: { client? }, clerk_trace_id }`, with the
 * first error's status, `X-Clerk-Trace-Id`, and `Retry-After` for rate-limited requests.
 *
 * @example
 * frontendErrorResponse([new ApiError("signed_out")], traceId, null);
 */
export function frontendErrorResponse(
  errors: readonly ApiError[],
  traceId: string,
  client: unknown,
) {
  const status = errors[0]?.status ?? 500;
  const headers: Record<string, string> = { "X-Clerk-Trace-Id": traceId };
  const retryAfter = errors[0]?.meta?.retry_after;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  return jsonResponse(
    {
      errors: errors.map((error) => ({
        message: error.message,
        long_message: error.longMessage,
        code: error.code,
        meta: {
          ...error.meta,
          ...(error.paramName === undefined ? {} : { param_name: error.paramName }),
        },
      })),
      meta: client === null ? {} : { client },
      clerk_trace_id: traceId,
    },
    status,
    headers,
  );
}
