-- Users and their identifications (email addresses, phone numbers) and profile images.
-- Timestamps are epoch milliseconds (bigint); `seq` keeps identifications in insertion order. Uniqueness is enforced here, not in application code.

CREATE TABLE users (
  id text PRIMARY KEY,
  external_id text,
  username text,
  first_name text,
  last_name text,
  locale text,
  primary_email_address_id text,
  primary_phone_number_id text,
  image_id text,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  private_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  unsafe_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  password_digest text,
  password_hasher text,
  password_updated_at bigint,
  totp_secret text,
  mfa_enabled_at bigint,
  mfa_disabled_at bigint,
  banned boolean NOT NULL DEFAULT false,
  locked_at bigint,
  lockout_expires_at bigint,
  failed_verification_attempts integer NOT NULL DEFAULT 0,
  delete_self_enabled boolean NOT NULL DEFAULT true,
  create_organization_enabled boolean NOT NULL DEFAULT true,
  create_organizations_limit integer,
  legal_accepted_at bigint,
  bypass_client_trust boolean NOT NULL DEFAULT false,
  last_sign_in_at bigint,
  last_active_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX users_external_id_key ON users (external_id);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_created_at_idx ON users (created_at, id);

CREATE TABLE email_addresses (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email_address text NOT NULL,
  reserved boolean NOT NULL DEFAULT false,
  verification_status text,
  verification_strategy text,
  verification_attempts integer,
  verification_expire_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX email_addresses_email_key ON email_addresses (lower(email_address));
CREATE INDEX email_addresses_user_id_idx ON email_addresses (user_id, seq);

CREATE TABLE phone_numbers (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  phone_number text NOT NULL,
  reserved boolean NOT NULL DEFAULT false,
  reserved_for_second_factor boolean NOT NULL DEFAULT false,
  default_second_factor boolean NOT NULL DEFAULT false,
  verification_status text,
  verification_strategy text,
  verification_attempts integer,
  verification_expire_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX phone_numbers_phone_number_key ON phone_numbers (phone_number);
CREATE INDEX phone_numbers_user_id_idx ON phone_numbers (user_id, seq);

ALTER TABLE users
  ADD CONSTRAINT users_primary_email_address_fk FOREIGN KEY (primary_email_address_id)
    REFERENCES email_addresses (id) ON DELETE SET NULL,
  ADD CONSTRAINT users_primary_phone_number_fk FOREIGN KEY (primary_phone_number_id)
    REFERENCES phone_numbers (id) ON DELETE SET NULL;

CREATE TABLE images (
  id text PRIMARY KEY,
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  content_type text NOT NULL,
  bytes bytea NOT NULL,
  created_at bigint NOT NULL
);

CREATE INDEX images_user_id_idx ON images (user_id);
