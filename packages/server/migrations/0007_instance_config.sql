-- Instance-wide values made on first start and kept for every later one (the secret key, the
-- instance id). Inserted only when absent, so concurrent first starts agree on one value.

CREATE TABLE instance_config (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at bigint NOT NULL
);
