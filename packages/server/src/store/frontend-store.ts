/**
 * The Frontend API part of the {@link Store}: client tokens, sign-ups, sign-ins, one-time email
 * codes, failed-attempt counting (lockout) and backup codes. Secrets arrive here already hashed.
 */
import type { ClientRecord } from "./session-store.js";
import type { Metadata, PasswordCredential } from "./store.js";

/** A verification step of a sign-up or sign-in, as stored. */
export interface FactorVerification {
  strategy: string;
  /** `transferable`: an OAuth verification whose account belongs on the other side (sign-up ↔ sign-in). */
  status: "unverified" | "verified" | "failed" | "expired" | "transferable";
  attempts: number | null;
  expireAt: number | null;
  /** The email address a code was sent to (email_code). */
  emailAddressId?: string | null;
  /** OAuth: the provider URL the browser is sent to. */
  externalVerificationRedirectUrl?: string | null;
  /** OAuth: why the verification failed or is transferable, as a Clerk error. */
  error?: { code: string; message: string; longMessage: string } | null;
}

export type SignUpStatus = "missing_requirements" | "complete" | "abandoned";

/** A sign-up attempt. The password digest is deliberately absent (see `hasPassword`). */
export interface SignUpRecord {
  id: string;
  clientId: string;
  status: SignUpStatus;
  emailAddress: string | null;
  emailVerifiedAt: number | null;
  emailVerification: FactorVerification | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  hasPassword: boolean;
  unsafeMetadata: Metadata;
  legalAcceptedAt: number | null;
  createdUserId: string | null;
  createdSessionId: string | null;
  /** OAuth sign-ups: the `verifications.external_account` step. */
  externalAccountVerification: FactorVerification | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

/** Fields of a sign-up that can be set; `undefined` leaves a field, `null` clears it. */
export interface SignUpPatch {
  emailAddress?: string | null;
  emailVerifiedAt?: number | null;
  emailVerification?: FactorVerification | null;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  password?: PasswordCredential | null;
  unsafeMetadata?: Metadata;
  legalAcceptedAt?: number | null;
  externalAccountVerification?: FactorVerification | null;
}

export type SignInStatus =
  | "needs_identifier"
  | "needs_first_factor"
  | "needs_second_factor"
  | "complete"
  | "abandoned";

/** A sign-in attempt. */
export interface SignInRecord {
  id: string;
  clientId: string;
  status: SignInStatus;
  identifier: string | null;
  userId: string | null;
  firstFactorVerification: FactorVerification | null;
  secondFactorVerification: FactorVerification | null;
  firstFactorVerifiedAt: number | null;
  createdSessionId: string | null;
  abandonAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface SignInPatch {
  status?: SignInStatus;
  identifier?: string | null;
  userId?: string | null;
  firstFactorVerification?: FactorVerification | null;
  secondFactorVerification?: FactorVerification | null;
  firstFactorVerifiedAt?: number | null;
}

/** What a one-time code is for. */
export type VerificationCodePurpose = "sign_up" | "sign_in" | "verify_email";

export interface NewVerificationCode {
  purpose: VerificationCodePurpose;
  /** The sign-up, sign-in or email address the code verifies. */
  subjectId: string;
  emailAddress: string;
  codeHash: string;
  maxAttempts: number;
  expireAt: number;
}

/** Outcome of {@link FrontendStore.attemptVerificationCode}. */
export type CodeAttemptResult =
  | { outcome: "verified" }
  /** Wrong code; `attemptsLeft` more tries are allowed. */
  | { outcome: "incorrect"; attempts: number; attemptsLeft: number }
  | { outcome: "too_many_attempts"; attempts: number }
  | { outcome: "expired" }
  /** No code was prepared, or it was already used (or replaced by a newer one). */
  | { outcome: "missing" };

/** A user's lock as it stands. */
export interface LockState {
  locked: boolean;
  /** When the lock ends; null without lock, or for a lock without end. */
  lockoutExpiresAt: number | null;
}

/** A user's failed factor checks and lock, as read under the user's row lock. */
export interface VerificationState extends LockState {
  /** Failed checks counted since the last pass (or the last expired lock). */
  failedAttempts: number;
}

/** A failed factor check as counted ({@link FrontendStore.countFailedVerification}) or settled. */
export interface FailedVerificationResult {
  /** The failures counted so far (0 when the user is gone). */
  attempts: number;
  /** Set when the user is locked (by this failure, or already); null for a lock without end. */
  lockoutExpiresAt: number | null;
  locked: boolean;
}

export interface FrontendStore {
  /** Creates an empty client holding a client token (by its SHA-256 digest). */
  createClient(input: { tokenHash: string }): Promise<ClientRecord>;
  /** The client a client token stands for; null when none (or the token was rotated). */
  getClientByTokenHash(tokenHash: string): Promise<ClientRecord | null>;
  /**
   * Replaces a client's token (after a sign-in: the old cookie stops working).
   * @throws `resource_not_found` (`client_id`)
   */
  rotateClientToken(clientId: string, tokenHash: string): Promise<void>;
  /** Points the client at its current sign-in / sign-up (null clears). */
  setClientAttempts(
    clientId: string,
    attempts: { signInId?: string | null; signUpId?: string | null },
  ): Promise<void>;

  createSignUp(input: {
    clientId: string;
    abandonAt: number;
    patch: SignUpPatch;
  }): Promise<SignUpRecord>;
  getSignUp(signUpId: string): Promise<SignUpRecord | null>;
  /** @throws `resource_not_found` (`sign_up_id`) */
  updateSignUp(signUpId: string, patch: SignUpPatch): Promise<SignUpRecord>;
  /** The password a sign-up was given, as stored (argon2id digest); null when none. */
  getSignUpPassword(signUpId: string): Promise<PasswordCredential | null>;
  /**
   * Marks a sign-up complete with the user and session it created, once: false when it was
   * already complete (a concurrent completion won).
   */
  completeSignUp(
    signUpId: string,
    created: { userId: string; sessionId: string },
  ): Promise<boolean>;

  createSignIn(input: {
    clientId: string;
    abandonAt: number;
    patch: SignInPatch;
  }): Promise<SignInRecord>;
  getSignIn(signInId: string): Promise<SignInRecord | null>;
  /** @throws `resource_not_found` (`sign_in_id`) */
  updateSignIn(signInId: string, patch: SignInPatch): Promise<SignInRecord>;
  /**
   * Claims the completion of a sign-in, once (compare-and-set away from `complete`): false when
   * another request completed it first.
   */
  claimSignInCompletion(signInId: string, expected: SignInStatus): Promise<boolean>;
  /** Records the session a completed sign-in created. */
  setSignInSession(signInId: string, sessionId: string): Promise<SignInRecord>;

  /** Stores a new code for a subject; earlier unused codes of the same subject stop working. */
  createVerificationCode(input: NewVerificationCode): Promise<void>;
  /**
   * Tries a code in one atomic statement: the matching, unexpired, unused code of the subject is
   * consumed (`consumed_at` set) by exactly one caller; a wrong code counts an attempt.
   */
  attemptVerificationCode(input: {
    purpose: VerificationCodePurpose;
    subjectId: string;
    codeHash: string;
  }): Promise<CodeAttemptResult>;

  /**
   * Locks the user's row until the transaction ends (inside `Store.transaction`) and answers the
   * failures counted and the lock as stored (an expired lock included); null when the user is gone.
   * Every change to the count or the lock takes this lock first.
   */
  lockVerificationState(userId: string): Promise<VerificationState | null>;
  /**
   * The user's factor checks in flight: their attempt slots that have not expired (expired ones,
   * left by a process that died mid-check, are deleted).
   */
  countVerificationAttemptSlots(userId: string): Promise<number>;
  /** Records a factor check in flight until `expireAt` (epoch ms); answers the slot's id. */
  insertVerificationAttemptSlot(userId: string, expireAt: number): Promise<string>;
  /**
   * After the check in `slotId` failed: frees the slot and counts the failure under the user's
   * row lock (held to the end of the caller's transaction), answering the count and the lock as
   * it stands. Whether the failure locks the user is decided by the flow
   * (`flows/users/settle-failed-verification`).
   */
  countFailedVerification(userId: string, slotId: string): Promise<FailedVerificationResult>;
  /**
   * After the check in `slotId` passed (or was not decided): frees the slot and answers the
   * user's lock as it stands, so a pass that meets a lock set meanwhile is refused. With
   * `clearFailures` (a pass) and no lock, the failure count is reset in the same transaction as
   * the slot is freed: no failure can be counted between the pass and the reset, so a burst cannot
   * lock a user whose right answer was just accepted.
   */
  releaseVerificationAttempt(
    userId: string,
    slotId: string,
    options: { clearFailures: boolean },
  ): Promise<LockState>;
  /** Resets the failed-attempt count after a successful sign-in (an expired lock is cleared). */
  resetFailedVerifications(userId: string): Promise<void>;

  /** Replaces a user's backup codes (SHA-256 digests, see `hashBackupCode`). */
  replaceBackupCodes(userId: string, codeHashes: readonly string[]): Promise<void>;
  /** Unused backup codes of a user. */
  countBackupCodes(userId: string): Promise<number>;
  /** Consumes one unused backup code atomically; false when none matches (or it was used). */
  consumeBackupCode(userId: string, codeHash: string): Promise<boolean>;
}
