-- Handshake payloads waiting for the app's server (format=nonce): the cookie directives the
-- Frontend API decided on, kept under the SHA-256 digest of the nonce it put in the redirect. The
-- Backend API hands each out once (`GET /v1/clients/handshake_payload`) and never after `expire_at`.
CREATE TABLE handshake_payloads (
  nonce_hash text PRIMARY KEY,
  directives jsonb NOT NULL,
  expire_at bigint NOT NULL
);
CREATE INDEX handshake_payloads_expire_at ON handshake_payloads (expire_at);
