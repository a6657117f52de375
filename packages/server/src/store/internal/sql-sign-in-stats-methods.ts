import type { Row } from "../database.js";
import { DAY_MS, type SignInStatsStore } from "../sign-in-stats-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** A day's counter, created at zero on its first count: one row per day, whatever the traffic. */
const COUNT = (column: "failed_sign_ins" | "lockouts") =>
  `INSERT INTO sign_in_stats (day_start, ${column}) VALUES ($1, 1)
     ON CONFLICT (day_start) DO UPDATE SET ${column} = sign_in_stats.${column} + 1`;

/**
 * Which day of the window a time falls in: -1 before the window starts ($1), else its index
 * (integer division of non-negative milliseconds).
 */
const dayIndex = (column: string) =>
  `CASE WHEN (${column}) < $1 THEN -1 ELSE ((${column}) - $1) / ${DAY_MS} END`;

/** When a session (row of `sessions`) ended or ends: an active one at its expiry or abandonment. */
const SESSION_END = `CASE WHEN status = 'active' THEN LEAST(expire_at, abandon_at) ELSE updated_at END`;

/**
 * Sessions that may have been live in the window (`expire_at` ≥ its start, by index), counted by
 * the day they started and the day they ended, in one pass. An active session ends at its expiry
 * or abandonment, any other when its status was last changed (`updated_at`).
 */
const SESSION_SPANS = `
  SELECT ${dayIndex("created_at")} AS started, ${dayIndex(SESSION_END)} AS ended, count(*) AS n
    FROM sessions WHERE expire_at >= $1 GROUP BY 1, 2`;

/** Sums a histogram's counts into `counts[day]`; days before the window add to `before`. */
function histogram(
  rows: Array<{ day: unknown; n: unknown }>,
  days: number,
): { before: number; counts: number[] } {
  const counts = new Array<number>(days).fill(0);
  let before = 0;
  for (const row of rows) {
    const day = Number(row.day);
    const n = Number(row.n);
    if (day < 0) before += n;
    else if (day < days) counts[day] = (counts[day] ?? 0) + n;
  }
  return { before, counts };
}

/** Sessions live on each day: started by the day's end, minus ended before its start. */
function liveSessionsPerDay(rows: Row[], days: number): number[] {
  const starts = histogram(
    rows.map((row) => ({ day: row.started, n: row.n })),
    days,
  );
  const ends = histogram(
    rows.map((row) => ({ day: row.ended, n: row.n })),
    days,
  );
  const live: number[] = [];
  let started = starts.before;
  let ended = ends.before;
  for (let day = 0; day < days; day += 1) {
    started += starts.counts[day] ?? 0;
    live.push(started - ended);
    ended += ends.counts[day] ?? 0;
  }
  return live;
}

/** The SQL implementation of {@link SignInStatsStore}. */
export function sqlSignInStatsMethods({ db }: SqlStoreContext): SignInStatsStore {
  const dayOf = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;
  return {
    async recordFailedSignIn(at) {
      await db.query(COUNT("failed_sign_ins"), [dayOf(at)]);
    },
    async recordLockout(at) {
      await db.query(COUNT("lockouts"), [dayOf(at)]);
    },
    async dailyActivity(now, days) {
      const start = dayOf(now) - (days - 1) * DAY_MS;
      const [signUps, sessions, stats, active] = await Promise.all([
        db.query<{ day: number; n: number }>(
          `SELECT ${dayIndex("created_at")} AS day, count(*) AS n FROM users
             WHERE created_at >= $1 AND created_at <= $2 GROUP BY 1`,
          [start, now],
        ),
        db.query(SESSION_SPANS, [start]),
        db.query(
          `SELECT ${dayIndex("day_start")} AS day, failed_sign_ins, lockouts FROM sign_in_stats
             WHERE day_start >= $1 AND day_start <= $2`,
          [start, now],
        ),
        db.query(
          `SELECT count(*) AS n FROM sessions
             WHERE expire_at > $1 AND status = 'active' AND abandon_at > $1`,
          [now],
        ),
      ]);
      const byDay = (column: string) =>
        histogram(
          stats.map((row) => ({ day: row.day, n: row[column] })),
          days,
        ).counts;
      return {
        days: Array.from({ length: days }, (_, day) => start + day * DAY_MS),
        signUps: histogram(signUps, days).counts,
        liveSessions: liveSessionsPerDay(sessions, days),
        failedSignIns: byDay("failed_sign_ins"),
        lockouts: byDay("lockouts"),
        activeSessionsNow: Number(active[0]?.n ?? 0),
      };
    },
  };
}
