-- The webhook outbox. Every state change that has a webhook event writes its row here in the same
-- transaction as the change itself, so an event is never lost and never sent for a change that
-- rolled back. `id` is the event's stable `svix-id`; `payload` is the full event envelope.

CREATE TABLE webhook_outbox (
  id text PRIMARY KEY,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  created_at bigint NOT NULL,
  seq bigserial NOT NULL
);

CREATE INDEX webhook_outbox_seq ON webhook_outbox (seq);
