import { ApiError } from "../errors/api-error.js";

/**
 * The error a rate-limited request is answered with: `too_many_requests` (429), with
 * `meta.retry_after` in seconds, which the error envelope also sends as `Retry-After`.
 *
 * @example
 * if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
 */
export function rateLimitError(retryAfterSeconds: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError("too_many_requests", { meta: { retry_after: seconds } });
}
