import { ApiError } from "../../../../errors/api-error.js";
import { newTotpSecret } from "../../../../mfa/new-totp-secret.js";
import { totpJson } from "../../../../mfa/totp-json.js";
import { totpUri } from "../../../../mfa/totp-uri.js";
import { userIdentifier } from "../../../../wire/organization-membership-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `POST /v1/me/totp`: starts adding an authenticator app. A new secret is kept pending (replacing
 * an earlier pending one) and answered once, with its `otpauth://` URI, `verified: false`; it
 * takes effect only after `POST /v1/me/totp/attempt_verification`.
 *
 * @throws `signed_out` (401); `totp_already_enabled` (400) when the user already has TOTP
 */
export const createTotpRoute = defineRoute({
  method: "POST",
  path: "/v1/me/totp",
  auth: "client",
  handler: async ({ auth, store, request, clock, frontend }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    if (user.totpEnabled) throw new ApiError("totp_already_enabled");
    const enrollment = await store.startTotpEnrollment(user.id, newTotpSecret());
    const uri = totpUri({
      secret: enrollment.secret,
      issuer: frontend.applicationName,
      accountName: userIdentifier(user) ?? user.id,
    });
    return totpJson(enrollment, { verified: false, uri });
  },
});
