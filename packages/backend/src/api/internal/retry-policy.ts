/** Statuses worth retrying for an idempotent read: rate limited, or a gateway/upstream hiccup. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Retries after the first attempt, so at most four requests per call. */
export const MAX_RETRIES = 3;

/** Longest wait between two attempts; a longer `Retry-After` ends the retries instead. */
export const MAX_RETRY_DELAY_MS = 10_000;

const BASE_DELAY_MS = 250;

/** Whether a response status may be retried (reads only; the caller checks the method). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Seconds from a `Retry-After` header: either delta-seconds or an HTTP date. `undefined` when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

/**
 * Milliseconds to wait before retry number `retry` (0-based), or `undefined` to stop retrying.
 *
 * Honours `Retry-After` exactly when it is within {@link MAX_RETRY_DELAY_MS}; a longer one stops
 * the retries so the caller sees the 429 and its `retryAfter`. Without it: exponential back-off
 * (250 ms, 500 ms, 1 s…) with jitter between half and the full step.
 */
export function retryDelayMs(
  retry: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number | undefined {
  if (retry >= MAX_RETRIES) return undefined;
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms <= MAX_RETRY_DELAY_MS ? ms : undefined;
  }
  const step = Math.min(MAX_RETRY_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.round(step / 2 + (random() * step) / 2);
}
