import { ApiError } from "../../errors/api-error.js";
import type {
  CodeAttemptResult,
  FactorVerification,
  VerificationCodePurpose,
} from "../../store/frontend-store.js";
import type { Store } from "../../store/store.js";
import { hashVerificationCode } from "./hash-verification-code.js";
import type { VerificationCodeOptions } from "./verification-code-options.js";

/** Outcome of {@link attemptVerificationCode}: the verification to record, and the error if any. */
export interface VerificationAttempt {
  result: CodeAttemptResult;
  /** The verification as it stands after the attempt. */
  verification: FactorVerification;
  /** What to answer when the code was not accepted. */
  error: ApiError | null;
}

/** A code typed for a sign-up or sign-in, and the verification it would complete. */
export interface CodeAttempt {
  purpose: VerificationCodePurpose;
  subjectId: string;
  code: string;
  /** The subject's verification as it stands (null: none recorded yet). */
  current: FactorVerification | null;
}

/**
 * Tries an email code against the subject's pending code. The store consumes a matching code
 * atomically, so of concurrent correct attempts exactly one succeeds; a wrong code counts an
 * attempt. Maps outcomes to Clerk's codes: `form_code_incorrect` (422), `verification_failed`
 * (too many attempts), `verification_expired`, `verification_missing` (none prepared, or used).
 *
 * @example
 * const attempt = await attemptVerificationCode({ store, codes: frontend }, {
 *   purpose: "sign_up", subjectId: signUp.id, code: body.code, current: signUp.emailVerification,
 * });
 */
export async function attemptVerificationCode(
  context: { store: Store; codes: Pick<VerificationCodeOptions, "codeKey"> },
  input: CodeAttempt,
): Promise<VerificationAttempt> {
  const code = input.code.trim();
  const result = /^\d{6}$/.test(code)
    ? await context.store.attemptVerificationCode({
        purpose: input.purpose,
        subjectId: input.subjectId,
        codeHash: hashVerificationCode(context.codes.codeKey, input.subjectId, code),
      })
    : await context.store.attemptVerificationCode({
        purpose: input.purpose,
        subjectId: input.subjectId,
        // A malformed code still counts as a wrong attempt; no digest can match this.
        codeHash: "-",
      });
  const base: FactorVerification = input.current ?? {
    strategy: "email_code",
    status: "unverified",
    attempts: 0,
    expireAt: null,
  };
  switch (result.outcome) {
    case "verified":
      return { result, verification: { ...base, status: "verified" }, error: null };
    case "incorrect":
      return {
        result,
        verification: { ...base, attempts: result.attempts },
        error: new ApiError("form_code_incorrect", {
          paramName: "code",
          meta: { attempts_remaining: result.attemptsLeft },
        }),
      };
    case "too_many_attempts":
      return {
        result,
        verification: { ...base, status: "failed", attempts: result.attempts },
        error: new ApiError("verification_failed", { paramName: "code" }),
      };
    case "expired":
      return {
        result,
        verification: { ...base, status: "expired" },
        error: new ApiError("verification_expired", { paramName: "code" }),
      };
    case "missing":
      return {
        result,
        verification: base,
        error:
          base.status === "verified"
            ? new ApiError("verification_already_verified", { paramName: "code" })
            : new ApiError("verification_missing", { paramName: "code" }),
      };
  }
}
