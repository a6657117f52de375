-- Signing keys, clients, sessions and JWT templates.
-- Timestamps are epoch milliseconds (bigint); `seq` keeps rows created in the same millisecond in
-- insertion order.

-- The instance's RS256 signing keys. A key is published in the JWKS from `created_at`, signs from
-- `active_at` until the next key's `active_at`, and stays published until every token it signed
-- has expired: `longest_lifetime_seconds` is the longest lifetime of a token it signed (raised by
-- the signer before such a token leaves the server). Private keys never leave the server.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  algorithm text NOT NULL,
  private_key_pem text NOT NULL,
  public_jwk jsonb NOT NULL,
  longest_lifetime_seconds integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL,
  active_at bigint NOT NULL
);

CREATE INDEX signing_keys_active_at_idx ON signing_keys (active_at);

-- A client is one browser or device; it holds sessions.
CREATE TABLE clients (
  id text PRIMARY KEY,
  last_active_session_id text,
  sign_in_id text,
  sign_up_id text,
  last_authentication_strategy text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  client_id text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- Stored status; an active session past `expire_at` / `abandon_at` reads as expired / abandoned.
  status text NOT NULL,
  actor jsonb,
  last_active_organization_id text,
  last_active_at bigint NOT NULL,
  first_factor_verified_at bigint NOT NULL,
  second_factor_verified_at bigint,
  expire_at bigint NOT NULL,
  abandon_at bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id, created_at, seq);
CREATE INDEX sessions_client_id_idx ON sessions (client_id, created_at, seq);

ALTER TABLE clients
  ADD CONSTRAINT clients_last_active_session_fk FOREIGN KEY (last_active_session_id)
    REFERENCES sessions (id) ON DELETE SET NULL;

CREATE TABLE jwt_templates (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  claims jsonb NOT NULL,
  lifetime integer NOT NULL,
  allowed_clock_skew integer NOT NULL,
  custom_signing_key boolean NOT NULL DEFAULT false,
  signing_algorithm text NOT NULL,
  -- Write-only: an HMAC secret or a PEM private key; never answered.
  signing_key text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX jwt_templates_name_key ON jwt_templates (name);
CREATE INDEX jwt_templates_created_at_idx ON jwt_templates (created_at, seq);
