-- Factor checks in flight (a password being hashed, a TOTP or backup code being checked). A check
-- may start only while the user's counted failures plus the checks in flight stay under the
-- lockout limit, decided under the user's row lock; so concurrent attempts can never evaluate more
-- than the limit, and a check that succeeds cannot meet a lock that its own neighbours set. A slot
-- left by a process that died mid-check stops counting at `expire_at`.
CREATE TABLE verification_attempt_slots (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expire_at bigint NOT NULL
);
CREATE INDEX verification_attempt_slots_user ON verification_attempt_slots (user_id, expire_at);
