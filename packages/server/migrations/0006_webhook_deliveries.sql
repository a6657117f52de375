-- Durable webhook delivery: endpoints, and one delivery row per (event, endpoint) pair.
--
-- The worker fans each outbox event out once (`fanned_out_at`, claimed with FOR UPDATE SKIP LOCKED),
-- then claims due deliveries under a lease (`locked_until`, `lease_token`) and sends them without
-- holding a transaction open. A process that dies mid-send leaves its lease to expire, and the
-- delivery is claimed again. Timestamps are epoch milliseconds.

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  url text NOT NULL,
  -- `whsec_…`: needed in clear to sign, so it is only ever read by the delivery worker.
  secret text NOT NULL,
  -- The secret replaced by the last rotation; deliveries are signed with both until it expires.
  previous_secret text,
  previous_secret_expires_at bigint,
  -- JSON array of event types; empty = every event.
  event_types jsonb NOT NULL DEFAULT '[]'::jsonb,
  enabled boolean NOT NULL DEFAULT true,
  description text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX webhook_endpoints_url_key ON webhook_endpoints (url);
CREATE INDEX webhook_endpoints_created_at_idx ON webhook_endpoints (created_at, seq);

-- Outbox rows not yet turned into deliveries.
ALTER TABLE webhook_outbox ADD COLUMN fanned_out_at bigint;
CREATE INDEX webhook_outbox_pending_fan_out ON webhook_outbox (seq) WHERE fanned_out_at IS NULL;

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES webhook_outbox (id) ON DELETE CASCADE,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  -- pending: not tried yet (or replayed); failed: last attempt failed, another is scheduled;
  -- succeeded: a 2xx answer; dead: every attempt failed.
  status text NOT NULL CHECK (status IN ('pending', 'failed', 'succeeded', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint,
  locked_until bigint,
  lease_token text,
  last_attempt_at bigint,
  last_status_code integer,
  last_error text,
  delivered_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  CONSTRAINT webhook_deliveries_event_endpoint_key UNIQUE (event_id, endpoint_id)
);

CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
  WHERE status IN ('pending', 'failed');
CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (status, created_at, id);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, status);
