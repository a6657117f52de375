/**
 * Delays between attempts, Svix's schedule: after the first attempt fails the next one comes 5 s
 * later, then 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Eight attempts in all.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/**
 * When the attempt after failed attempt number `attempt` (1-based) is due, or null when the
 * schedule is used up and the delivery is dead.
 *
 * @example
 * nextRetryAt(1, 1_000, DEFAULT_RETRY_DELAYS_MS); // 6_000
 * nextRetryAt(8, 1_000, DEFAULT_RETRY_DELAYS_MS); // null
 */
export function nextRetryAt(
  attempt: number,
  now: number,
  delaysMs: readonly number[] = DEFAULT_RETRY_DELAYS_MS,
): number | null {
  const delay = delaysMs[attempt - 1];
  return delay === undefined ? null : now + delay;
}
