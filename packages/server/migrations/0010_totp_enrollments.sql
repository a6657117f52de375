-- Pending TOTP enrolments of the Frontend API (`POST /v1/me/totp`): the secret shown to the user
-- once, kept until a code from the authenticator app proves it was added
-- (`POST /v1/me/totp/attempt_verification`), which moves it to `users.totp_secret`.
-- At most one per user: a new enrolment replaces the previous one.
CREATE TABLE totp_enrollments (
  id text PRIMARY KEY,
  user_id text NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  secret text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
