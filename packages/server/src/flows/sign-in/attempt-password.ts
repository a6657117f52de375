import { ApiError } from "../../errors/api-error.js";
import type { InstanceSettings } from "../../instance-settings.js";
import type { Logger } from "../../logger.js";
import { hashPassword } from "../../passwords/hash-password.js";
import { needsRehash } from "../../passwords/needs-rehash.js";
import { verifyPassword } from "../../passwords/verify-password.js";
import type { SignInRecord } from "../../store/frontend-store.js";
import type { Store, UserRecord } from "../../store/store.js";
import { checkFactorUnderLockout } from "./check-factor-under-lockout.js";
import { checkUserMaySignIn } from "./check-user-may-sign-in.js";

/**
 * Checks a sign-in's password under the lockout (`checkFactorUnderLockout`: no more checks than
 * the limit, even at once). A wrong one is counted on the user and on the sign-in's verification; a right one against an imported digest (bcrypt, PBKDF2…) or weaker argon2id is
 * rehashed to argon2id (compare-and-set, so a concurrent password change is never overwritten).
 *
 * @throws `user_banned` / `user_locked`; `strategy_for_user_invalid` (no password set);
 *   `form_password_incorrect` (422) or `user_locked` when this failure locked the account
 * @example
 * await attemptPassword({ store, settings, logger, now }, signIn, user, body.password);
 */
export async function attemptPassword(
  context: {
    store: Store;
    settings: Pick<InstanceSettings, "maxVerificationAttempts" | "lockoutSeconds">;
    logger: Logger;
    now: number;
  },
  signIn: SignInRecord,
  user: UserRecord,
  password: string,
): Promise<void> {
  const { store, logger, now } = context;
  checkUserMaySignIn(user, now);
  const credential = await store.getPasswordCredential(user.id);
  if (credential === null) {
    throw new ApiError("strategy_for_user_invalid", { paramName: "strategy" });
  }
  await checkFactorUnderLockout(context, user.id, async () => {
    if (await verifyPassword(credential, password)) return { passed: true, value: undefined };
    const previous = signIn.firstFactorVerification;
    await store.updateSignIn(signIn.id, {
      firstFactorVerification: {
        strategy: "password",
        status: "unverified",
        attempts: (previous?.strategy === "password" ? (previous.attempts ?? 0) : 0) + 1,
        expireAt: null,
      },
    });
    return {
      passed: false,
      error: new ApiError("form_password_incorrect", { paramName: "password" }),
    };
  });
  if (needsRehash(credential)) {
    const upgraded = await hashPassword(password);
    if (await store.rehashPassword(user.id, credential.digest, upgraded)) {
      logger.info("password rehashed", { userId: user.id, from: credential.hasher });
    }
  }
}
