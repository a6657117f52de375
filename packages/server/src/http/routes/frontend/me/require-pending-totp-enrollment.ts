import { ApiError } from "../../../../errors/api-error.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import type { TotpEnrollmentRecord } from "../../../../store/totp-enrollment-store.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";
import { requireSignedInUser } from "./require-signed-in-user.js";

/**
 * The signed-in user of a request and their pending TOTP enrollment (a secret not yet proven),
 * when TOTP is not enabled already.
 *
 * @throws `signed_out`, `session_not_active` (see `requireSignedInUser`); `totp_already_enabled`;
 *   `verification_missing` without a pending secret
 * @example
 * const { user, enrollment } = await requirePendingTotpEnrollment({ auth, store, request, now });
 */
export async function requirePendingTotpEnrollment(context: {
  auth: FrontendRequest;
  store: Pick<Store, "getUser" | "getTotpEnrollment">;
  request: Request;
  now: number;
}): Promise<{ user: UserRecord; enrollment: TotpEnrollmentRecord }> {
  const { user } = await requireSignedInUser(context);
  if (user.totpEnabled) throw new ApiError("totp_already_enabled");
  const enrollment = await context.store.getTotpEnrollment(user.id);
  if (enrollment === null) throw new ApiError("verification_missing");
  return { user, enrollment };
}
