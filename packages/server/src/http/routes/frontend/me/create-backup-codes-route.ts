import { ApiError } from "../../../../errors/api-error.js";
import { generateBackupCodes } from "../../../../mfa/generate-backup-codes.js";
import { backupCodesJson } from "../../../../mfa/totp-json.js";
import { defineRoute } from "../../../define-route.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * `POST /v1/me/backup_codes`: a new set of backup codes replaces the previous one (old codes stop
 * working). The codes are answered once; only their digests are stored. Backup codes stand in for
 * the authenticator app, so TOTP must be enabled.
 *
 * @throws `signed_out` (401); `totp_not_enabled` (400)
 */
export const createBackupCodesRoute = defineRoute({
  method: "POST",
  path: "/v1/me/backup_codes",
  auth: "client",
  handler: async ({ auth, store, request, clock, ids }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    if (!user.totpEnabled) throw new ApiError("totp_not_enabled");
    const { codes, hashes } = generateBackupCodes(user.id);
    await store.replaceBackupCodes(user.id, hashes);
    return backupCodesJson(ids("bcode"), codes, clock.now());
  },
});
