import { ClerkAPIResponseError } from "@latchkey/backend";
import { useRef } from "react";

/** What {@link useLockoutMemory} gives the sign-in form. */
export interface LockoutMemory {
  /**
   * The error to show for a failed sign-in step of `identifier`: a `user_locked` answer is
   * remembered with its end; while that lock runs, a later refusal of the same identifier
   * (`too_many_requests`, say) is shown as the lock again, with the time left, rather than as
   * something new.
   */
  explain(error: unknown, identifier: string): unknown;
}

/**
 * Remembers, per identifier, until when the instance said the account is locked (from
 * `meta.lockoutExpiresInSeconds`), so the locked message and its duration stay on the form.
 *
 * @param now the clock (tests pass a fixed one).
 * @throws never.
 * @example
 * const lockout = useLockoutMemory();
 * try { await signIn.create(…) } catch (error) { throw lockout.explain(error, email); }
 */
export function useLockoutMemory(now: () => number = Date.now): LockoutMemory {
  const lockedUntil = useRef(new Map<string, number>());
  return {
    explain(error, identifier) {
      if (!(error instanceof ClerkAPIResponseError)) return error;
      const key = identifier.trim().toLowerCase();
      const locked = error.errors.find((entry) => entry.code === "user_locked");
      if (locked) {
        const seconds = locked.meta.lockoutExpiresInSeconds;
        if (typeof seconds === "number") lockedUntil.current.set(key, now() + seconds * 1000);
        return error;
      }
      const until = lockedUntil.current.get(key);
      if (until === undefined) return error;
      const left = Math.ceil((until - now()) / 1000);
      if (left <= 0) {
        lockedUntil.current.delete(key);
        return error;
      }
      if (!error.errors.some((entry) => entry.code === "too_many_requests")) return error;
      return new ClerkAPIResponseError(error.message, {
        status: 403,
        errors: [
          {
            code: "user_locked",
            message: "",
            longMessage: "",
            meta: { lockoutExpiresInSeconds: left },
          },
        ],
        clerkTraceId: error.clerkTraceId,
      });
    },
  };
}
