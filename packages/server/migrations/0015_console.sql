-- The admin console (`/console`): who is signed in to it, and what was changed through it.

-- A console session, found by the SHA-256 of its cookie (the cookie itself is never stored).
-- It ends after `idle` without a request, or at its absolute end, whichever comes first.
CREATE TABLE console_sessions (
  token_hash text PRIMARY KEY,
  actor text NOT NULL,
  method text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL
);

-- Every change made through the console, and every console sign-in: who, what, on which object.
CREATE TABLE console_audit_log (
  id text PRIMARY KEY,
  -- Order of recording: lines written within one millisecond keep their order.
  seq bigserial NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  address text,
  created_at bigint NOT NULL
);
CREATE INDEX console_audit_log_by_time ON console_audit_log (seq DESC);
