import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { hashBackupCode } from "../../../mfa/hash-backup-code.js";
import { verifyTotpCode } from "../../../mfa/verify-totp-code.js";
import { defineRoute } from "../../define-route.js";
import { requireUser } from "./user-answer.js";

/**
 * `POST /v1/users/{user_id}/verify_totp`: checks a code from the authenticator app
 * (`{ verified: true, code_type: "totp" }`) or one of the user's backup codes, which is consumed
 * (`code_type: "backup_code"`; the same code is refused afterwards, also when two requests race).
 *
 * @throws `resource_not_found` (404), `totp_not_enabled` (400), `form_code_incorrect` (422)
 */
export const verifyTotpRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/verify_totp",
  auth: "secret_key",
  body: z.strictObject({ code: z.string() }),
  handler: async ({ body, clock, params, store }) => {
    const user = await requireUser(store, params.user_id);
    const secret = await store.getTotpSecret(user.id);
    if (secret === null) throw new ApiError("totp_not_enabled");
    if (verifyTotpCode(secret, body.code.trim(), clock.now())) {
      return { verified: true, code_type: "totp" };
    }
    if (await store.consumeBackupCode(user.id, hashBackupCode(user.id, body.code))) {
      return { verified: true, code_type: "backup_code" };
    }
    throw new ApiError("form_code_incorrect", { paramName: "code" });
  },
});
