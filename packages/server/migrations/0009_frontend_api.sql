-- Frontend API state: client tokens, sign-ups, sign-ins, one-time email codes and backup codes.
-- Timestamps are epoch milliseconds (bigint). Secrets are stored only as digests: the `__client`
-- token as SHA-256, email codes as HMAC-SHA256 keyed by the instance secret, backup codes as
-- SHA-256; a sign-up's password as its argon2id digest.

-- The `__client` cookie (or native `Authorization` header) is a random 32-byte token; only its
-- SHA-256 digest is kept, and a lookup is by digest. Rotated on every sign-in.
ALTER TABLE clients ADD COLUMN token_hash text;
CREATE UNIQUE INDEX clients_token_hash_key ON clients (token_hash);

CREATE TABLE sign_ups (
  id text PRIMARY KEY,
  client_id text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  -- missing_requirements | complete | abandoned
  status text NOT NULL,
  email_address text,
  -- When the email address was verified (null = unverified).
  email_verified_at bigint,
  -- Verification of the email address: null until prepared.
  email_verification_strategy text,
  email_verification_status text,
  email_verification_attempts integer,
  email_verification_expire_at bigint,
  username text,
  first_name text,
  last_name text,
  password_digest text,
  password_hasher text,
  unsafe_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  legal_accepted_at bigint,
  created_user_id text,
  created_session_id text,
  abandon_at bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE INDEX sign_ups_client_id_idx ON sign_ups (client_id, created_at);

CREATE TABLE sign_ins (
  id text PRIMARY KEY,
  client_id text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  -- needs_identifier | needs_first_factor | needs_second_factor | complete | abandoned
  status text NOT NULL,
  identifier text,
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  -- `{ strategy, status, attempts, expire_at, email_address_id? }` or null.
  first_factor_verification jsonb,
  second_factor_verification jsonb,
  first_factor_verified_at bigint,
  created_session_id text,
  abandon_at bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE INDEX sign_ins_client_id_idx ON sign_ins (client_id, created_at);

-- One-time codes sent by email. `subject_id` is the sign-up or sign-in they verify. A code is
-- consumed at most once, atomically (`consumed_at IS NULL` in the UPDATE), and refused after
-- `max_attempts` wrong tries or past `expire_at`.
CREATE TABLE verification_codes (
  id text PRIMARY KEY,
  -- sign_up | sign_in | verify_email
  purpose text NOT NULL,
  subject_id text NOT NULL,
  email_address text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL,
  expire_at bigint NOT NULL,
  consumed_at bigint,
  created_at bigint NOT NULL
);

CREATE INDEX verification_codes_subject_idx ON verification_codes (subject_id, purpose, created_at);

-- Two-factor backup codes; each is consumed at most once.
CREATE TABLE backup_codes (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  consumed_at bigint,
  created_at bigint NOT NULL
);

CREATE UNIQUE INDEX backup_codes_user_code_key ON backup_codes (user_id, code_hash);
