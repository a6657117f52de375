import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { completeTotpEnrollment } from "../../../../flows/users/complete-totp-enrollment.js";
import { generateBackupCodes } from "../../../../mfa/generate-backup-codes.js";
import { totpJson } from "../../../../mfa/totp-json.js";
import { verifyTotpCode } from "../../../../mfa/verify-totp-code.js";
import { defineRoute } from "../../../define-route.js";
import { requirePendingTotpEnrollment } from "./require-pending-totp-enrollment.js";

/**
 * `POST /v1/me/totp/attempt_verification`: a `code` from the authenticator app proves the pending
 * secret was added; TOTP is then enabled (later sign-ins need a second factor). When the user has
 * no unused backup codes, a new set is created and answered once in `backup_codes`. Attempts count
 * toward the `verification_attempt` limits (the caller's IP, the user).
 *
 * @throws `signed_out` (401); `verification_missing` (400) without a pending secret;
 *   `totp_already_enabled` (400); `form_code_incorrect` (422); `too_many_requests` (429)
 */
export const attemptTotpVerificationRoute = defineRoute({
  method: "POST",
  path: "/v1/me/totp/attempt_verification",
  auth: "client",
  body: z.strictObject({ code: z.string() }),
  rateLimits: [
    {
      class: "verification_attempt",
      identifier: async ({ auth, store, request, clock }) =>
        (await requirePendingTotpEnrollment({ auth, store, request, now: clock.now() })).user.id,
    },
  ],
  handler: async ({ body, auth, store, request, clock }) => {
    const now = clock.now();
    const { user, enrollment } = await requirePendingTotpEnrollment({ auth, store, request, now });
    if (!verifyTotpCode(enrollment.secret, body.code.trim(), now)) {
      throw new ApiError("form_code_incorrect", { paramName: "code" });
    }
    const backupCodes =
      (await store.countBackupCodes(user.id)) > 0 ? null : generateBackupCodes(user.id);
    const { user: updated } = await completeTotpEnrollment(
      store,
      user.id,
      enrollment.id,
      backupCodes?.hashes ?? null,
    );
    // A concurrent attempt completed (or a new enrolment replaced) this one first.
    if (updated === null) throw new ApiError("verification_missing");
    return totpJson(enrollment, { verified: true, backupCodes: backupCodes?.codes ?? null });
  },
});
