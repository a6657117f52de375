import type { TotpEnrollmentRecord } from "../store/totp-enrollment-store.js";

/**
 * The Frontend API's `TOTP` object. A pending enrolment shows its `secret` and `uri` (once, to the
 * signed-in user adding it to an app); a verified one never shows them again, and carries the
 * backup codes created with it, when there are any.
 *
 * @example
 * totpJson(enrollment, { uri, verified: false }); // { object: "totp", secret, uri, verified: false, … }
 */
export function totpJson(
  enrollment: TotpEnrollmentRecord,
  state: { verified: false; uri: string } | { verified: true; backupCodes: string[] | null },
) {
  const base = {
    object: "totp" as const,
    id: enrollment.id,
    created_at: enrollment.createdAt,
    updated_at: enrollment.updatedAt,
  };
  if (!state.verified) {
    return { ...base, secret: enrollment.secret, uri: state.uri, verified: false };
  }
  return {
    ...base,
    secret: null,
    uri: null,
    verified: true,
    ...(state.backupCodes === null ? {} : { backup_codes: state.backupCodes }),
  };
}

/**
 * The Frontend API's `BackupCodes` object: a new set, shown once.
 *
 * @example
 * backupCodesJson("bcode_…", codes, now);
 */
export function backupCodesJson(id: string, codes: readonly string[], now: number) {
  return {
    object: "backup_code" as const,
    id,
    codes: [...codes],
    created_at: now,
    updated_at: now,
  };
}
