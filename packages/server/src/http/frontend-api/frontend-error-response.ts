import type { ApiError } from "../../errors/api-error.js";
import { errorResponse } from "../error-response.js";

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
): Response {
  return errorResponse(errors, traceId, { meta: client === null ? {} : { client } });
}
