import type { SessionStatus } from "../session-store.js";

/**
 * How a stored session row reads at `now` (part of reading rows, not a decision: listing and
 * counting filter and page on it in SQL, so both twins live with the SQL). The status at `now`: a stored `active` session past its `expireAt` is `expired`,
 * past its `abandonAt` is `abandoned`; any other stored status stands.
 *
 * @example
 * effectiveSessionStatus("active", { expireAt: 10, abandonAt: 20 }, 15); // "expired"
 */
export function effectiveSessionStatus(
  stored: SessionStatus,
  limits: { expireAt: number; abandonAt: number },
  now: number,
): SessionStatus {
  if (stored !== "active") return stored;
  if (now >= limits.expireAt) return "expired";
  if (now >= limits.abandonAt) return "abandoned";
  return "active";
}

/**
 * The SQL twin of {@link effectiveSessionStatus}, over a `sessions` row aliased `s`; `now` is a
 * placeholder such as `$1`.
 */
export function effectiveSessionStatusSql(now: string): string {
  return `(CASE WHEN s.status = 'active' AND s.expire_at <= ${now} THEN 'expired'
    WHEN s.status = 'active' AND s.abandon_at <= ${now} THEN 'abandoned' ELSE s.status END)`;
}
