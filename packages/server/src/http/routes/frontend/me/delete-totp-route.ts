import { ApiError } from "../../../../errors/api-error.js";
import { updateUser } from "../../../../flows/users/update-user.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `DELETE /v1/me/totp`: removes the authenticator app (and a pending enrolment). Backup codes go
 * with it: without TOTP the account has no second factor left for them to stand in for.
 *
 * @throws `signed_out` (401); `resource_not_found` (404) when neither TOTP nor a pending
 *   enrolment exists
 */
export const deleteTotpRoute = defineRoute({
  method: "DELETE",
  path: "/v1/me/totp",
  auth: "client",
  handler: async ({ auth, store, request, clock }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    const pending = await store.getTotpEnrollment(user.id);
    if (!user.totpEnabled && pending === null) throw new ApiError("resource_not_found");
    await store.cancelTotpEnrollment(user.id);
    if (user.totpEnabled) {
      await updateUser(store, user.id, { totpSecret: null });
      await store.replaceBackupCodes(user.id, []);
    }
    return { object: "totp", deleted: true };
  },
});
