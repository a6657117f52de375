import { jsonResponse } from "../http/json-response.js";
import type { ApiError } from "./api-error.js";

/** Renders errors in Clerk's envelope: `{ errors: [...], clerk_trace_id }`. */
export function errorResponse(errors: readonly ApiError[], traceId: string): Response {
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
    clerk_trace_id: traceId,
  };
  const headers: Record<string, string> = { "X-Clerk-Trace-Id": traceId };
  const retryAfter = errors[0]?.meta?.retry_after;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  return jsonResponse(body, status, headers);
}
