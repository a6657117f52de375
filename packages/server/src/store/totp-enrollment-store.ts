/**
 * Pending TOTP enrolments of the Frontend API: a secret created for the signed-in user, kept
 * until a code from the authenticator app proves it was added. Part of the {@link Store}.
 */
import type { UserRecord } from "./store.js";

/** A pending TOTP enrolment. `secret` is base32; it is shown to the user once, at creation. */
export interface TotpEnrollmentRecord {
  id: string;
  userId: string;
  secret: string;
  createdAt: number;
  updatedAt: number;
}

export interface TotpEnrollmentStore {
  /**
   * Starts an enrolment with a new secret; a pending one of the same user is replaced.
   * @throws `resource_not_found` (`user_id`)
   */
  startTotpEnrollment(userId: string, secret: string): Promise<TotpEnrollmentRecord>;
  /** The user's pending enrolment, or null. */
  getTotpEnrollment(userId: string): Promise<TotpEnrollmentRecord | null>;
  /**
   * Completes an enrolment in one transaction: the pending row (matched by id, so a replaced
   * enrolment cannot complete) becomes the user's TOTP secret (`mfa_enabled_at` set), the given
   * backup codes (digests) replace the user's when not null (the flow raises `user.updated`:
   * `flows/users/complete-totp-enrollment`).
   *
   * @returns the updated user, or null when the enrolment was gone (completed or replaced)
   */
  completeTotpEnrollment(
    userId: string,
    enrollmentId: string,
    backupCodeHashes: readonly string[] | null,
  ): Promise<UserRecord | null>;
  /** Drops the user's pending enrolment, if any. */
  cancelTotpEnrollment(userId: string): Promise<void>;
}
