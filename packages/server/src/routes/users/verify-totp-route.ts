import { z } from "zod";
import { ApiError } from "../../errors/api-error.js";
import { defineRoute } from "../../http/define-route.js";
import { verifyTotpCode } from "../../totp/verify-totp-code.js";
import { requireUser } from "./user-answer.js";

/**
 * `POST /v1/users/{user_id}/verify_totp`: `{ verified: true, code_type: "totp" }`, or
 * `totp_not_enabled` (400) / `form_code_incorrect` (422). Backup codes are not supported yet.
 */
export const verifyTotpRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/verify_totp",
  auth: "secret_key",
  body: z.strictObject({ code: z.string() }),
  handler: async ({ body, clock, params, store }) => {
    await requireUser(store, params.user_id);
    const secret = await store.getTotpSecret(params.user_id);
    if (secret === null) throw new ApiError("totp_not_enabled");
    if (!verifyTotpCode(secret, body.code.trim(), clock.now())) {
      throw new ApiError("form_code_incorrect", { paramName: "code" });
    }
    return { verified: true, code_type: "totp" };
  },
});
