-- Social sign-in. `external_accounts`: a user's accounts at OAuth / OpenID Connect providers, one
-- per (strategy, provider user id). Provider tokens are kept only as AES-256-GCM ciphertext under
-- a key derived from the instance's secret key.
CREATE TABLE external_accounts (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The account's identification (`idn_…`), as Clerk names it in `identification_id`.
  identification_id text NOT NULL,
  -- oauth_google | oauth_github | oauth_microsoft | oauth_custom_<name>
  strategy text NOT NULL,
  provider_user_id text NOT NULL,
  email_address text NOT NULL DEFAULT '',
  -- What the provider said of the address when the account was linked (null: it said nothing).
  email_address_verified boolean,
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  image_url text,
  username text,
  approved_scopes text NOT NULL DEFAULT '',
  access_token_ciphertext text,
  refresh_token_ciphertext text,
  access_token_expires_at bigint,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE UNIQUE INDEX external_accounts_provider_user_key ON external_accounts (strategy, provider_user_id);
CREATE INDEX external_accounts_user_id_idx ON external_accounts (user_id, seq);

-- A redirect to a provider in flight: what the callback needs to finish it. Looked up by the
-- SHA-256 digest of `state` (never the state itself), consumed at most once (`consumed_at IS NULL`
-- in the UPDATE), bound to the client that started it, refused after `expire_at`. The PKCE
-- verifier is ciphertext like the tokens. `account` holds, after a callback that could not finish
-- on its own (a sign-in for an unknown account, a sign-up for a known one), the provider's
-- profile and encrypted tokens for the sign-up or sign-in it transfers to.
CREATE TABLE oauth_redirects (
  id text PRIMARY KEY,
  state_hash text NOT NULL UNIQUE,
  client_id text NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  sign_in_id text REFERENCES sign_ins (id) ON DELETE CASCADE,
  sign_up_id text REFERENCES sign_ups (id) ON DELETE CASCADE,
  strategy text NOT NULL,
  nonce text NOT NULL,
  code_verifier_ciphertext text NOT NULL,
  callback_url text NOT NULL,
  redirect_url text NOT NULL,
  action_complete_redirect_url text,
  expire_at bigint NOT NULL,
  consumed_at bigint,
  account jsonb,
  created_at bigint NOT NULL
);
CREATE INDEX oauth_redirects_client_idx ON oauth_redirects (client_id, created_at);

-- A sign-up's OAuth verification (`verifications.external_account`), as a sign-in's factors are kept.
ALTER TABLE sign_ups ADD COLUMN external_account_verification jsonb;
