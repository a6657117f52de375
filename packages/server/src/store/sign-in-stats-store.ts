/**
 * The activity counts of the {@link Store} the console's overview charts: sign-ups, live sessions,
 * failed sign-ins and lockouts per UTC day. Each is an aggregate over an index, never a loop over
 * users.
 */

/** Milliseconds in a day: the counts are per UTC day. */
export const DAY_MS = 86_400_000;

/** Counts per UTC day, oldest first, and the sessions active now. */
export interface DailyActivity {
  /** Start of each day (epoch ms, UTC midnight). */
  days: number[];
  /** Users created on each day. */
  signUps: number[];
  /** Sessions live at some time of each day (created before its end, not ended before its start). */
  liveSessions: number[];
  /** Factor checks of sign-ins that failed on each day. */
  failedSignIns: number[];
  /** Lockouts that started on each day. */
  lockouts: number[];
  /** Sessions active at `now`. */
  activeSessionsNow: number;
}

export interface SignInStatsStore {
  /** Counts one failed factor check of a sign-in at `at` (in the caller's transaction). */
  recordFailedSignIn(at: number): Promise<void>;
  /** Counts one lockout starting at `at` (in the caller's transaction). */
  recordLockout(at: number): Promise<void>;
  /** The counts of the `days` UTC days up to and including the day of `now`. */
  dailyActivity(now: number, days: number): Promise<DailyActivity>;
}
