-- Emails the instance sends (verification codes), and the shared rate-limit counters.
--
-- Every email is recorded here before it is handed to a transport, in the same transaction as its
-- `email.created` outbox event; the development mailbox reads this table. Timestamps are epoch
-- milliseconds.

CREATE TABLE emails (
  id text PRIMARY KEY,
  -- Insertion order, to break ties between emails created in the same millisecond.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  to_email_address text NOT NULL,
  -- No foreign keys: a sign-up's address has no user yet, and the record outlives deletions.
  user_id text,
  email_address_id text,
  -- Template name (`verification_code`).
  slug text NOT NULL,
  from_email_name text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text NOT NULL,
  -- Template variables (`otp_code`, `app`…), as sent in the event's `data`.
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- queued | sent | delivered | failed
  status text NOT NULL,
  -- mailbox | console | smtp
  delivered_via text NOT NULL,
  -- A `+clerk_test` address in development: recorded, never delivered, no event.
  is_test boolean NOT NULL DEFAULT false,
  -- Why delivery failed (never credentials).
  error text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE INDEX emails_created_at_idx ON emails (created_at DESC, seq DESC);
CREATE INDEX emails_to_idx ON emails (lower(to_email_address), created_at DESC, seq DESC);

-- Fixed-window rate-limit counters shared by every process. One row per (rule, key, window);
-- keys are SHA-256 digests, so identifiers such as email addresses are not stored in clear.
CREATE TABLE rate_limit_buckets (
  rule text NOT NULL,
  key_hash text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  -- End of the window; rows past it are deleted by the limiter's periodic cleanup.
  expires_at bigint NOT NULL,
  PRIMARY KEY (rule, key_hash, window_start)
);

CREATE INDEX rate_limit_buckets_expires_at_idx ON rate_limit_buckets (expires_at);
