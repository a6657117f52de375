-- Daily counters for the console's overview: factor checks that failed in a sign-in (password,
-- email code, TOTP, backup code) and lockouts that started, per UTC day. The sign-in flow adds to
-- them in the transaction that counts the failure, so they are as durable as the lockout itself.
CREATE TABLE sign_in_stats (
  -- Start of the UTC day, epoch milliseconds.
  day_start bigint PRIMARY KEY,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  lockouts integer NOT NULL DEFAULT 0
);

-- Sessions that can have been live since a given time (a session never outlives `expire_at`):
-- the overview counts live sessions per day over this range, not over every session ever made,
-- from the index alone (it carries the columns the count reads).
CREATE INDEX sessions_expire_at_idx ON sessions (expire_at)
  INCLUDE (status, abandon_at, created_at, updated_at);
