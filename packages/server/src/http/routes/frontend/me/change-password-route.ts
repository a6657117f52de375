import { z } from "zod";
import { ApiError, isApiError } from "../../../../errors/api-error.js";
import { endSession } from "../../../../flows/sessions/end-session.js";
import { checkFactorUnderLockout } from "../../../../flows/sign-in/check-factor-under-lockout.js";
import { updateUser } from "../../../../flows/users/update-user.js";
import { checkPasswordRules } from "../../../../passwords/check-password-rules.js";
import { hashPassword } from "../../../../passwords/hash-password.js";
import { verifyPassword } from "../../../../passwords/verify-password.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendUser } from "../../../frontend-api/load-frontend-client.js";
import { queryBoolean } from "../../../query-params.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `POST /v1/me/change_password`: sets a new password (the policy applies; stored as argon2id).
 * A user who has a password must give it as `current_password`; a wrong one counts toward the
 * lockout like a failed sign-in. `sign_out_of_other_sessions=true` revokes the user's other
 * active sessions. Passwords never appear in answers or errors.
 *
 * @throws `signed_out` (401); `form_param_missing` (`current_password`),
 *   `form_password_incorrect` (`current_password`), the policy codes of `checkPasswordRules`
 *   (`new_password`) (422); `user_locked` (403) when this failure locked the account
 */
export const changePasswordRoute = defineRoute({
  method: "POST",
  path: "/v1/me/change_password",
  auth: "client",
  body: z.strictObject({
    current_password: z.string().nullable().optional(),
    new_password: z.string(),
    sign_out_of_other_sessions: queryBoolean().nullable(),
  }),
  handler: async ({ body, auth, store, request, clock, imageBaseUrl, settings }) => {
    const now = clock.now();
    const { user, session } = await requireSignedInUser({ auth, store, request, now });
    if (user.passwordEnabled) {
      if (!body.current_password) {
        throw new ApiError("form_param_missing", { paramName: "current_password" });
      }
      const credential = await store.getPasswordCredential(user.id);
      const currentPassword = body.current_password;
      await checkFactorUnderLockout({ store, settings, now, signIn: false }, user.id, async () =>
        credential !== null && (await verifyPassword(credential, currentPassword))
          ? { passed: true, value: undefined }
          : {
              passed: false,
              error: new ApiError("form_password_incorrect", { paramName: "current_password" }),
            },
      );
    }
    try {
      checkPasswordRules(body.new_password);
    } catch (error) {
      if (!isApiError(error)) throw error;
      throw new ApiError(error.code, { paramName: "new_password" });
    }
    let { user: updated } = await updateUser(store, user.id, {
      password: await hashPassword(body.new_password),
    });
    if (body.sign_out_of_other_sessions === true) {
      const active = await store.listSessions(
        { userId: user.id, status: "active" },
        { limit: 500, offset: 0 },
      );
      for (const other of active) {
        if (other.id !== session.id) (await endSession(store, other.id, "revoked")).session;
      }
      updated = (await store.getUser(user.id)) ?? updated;
    }
    return loadFrontendUser({ store, imageBaseUrl, now: clock.now(), settings }, updated);
  },
});
