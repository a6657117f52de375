import type { UserRecord } from "../../store/store.js";
import type { SignInFactorJson } from "../../wire/frontend-sign-in-json.js";

/** A factor a user may sign in with, as the Frontend API lists it. */
export type SignInFactor = SignInFactorJson;

/**
 * Masks an email address for display to someone who has not proven they own the account:
 * `jane.doe@example.com` → `j*******@example.com`.
 *
 * @example
 * maskEmailAddress("jane@example.com"); // "j***@example.com"
 */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${address[0]}${"*".repeat(Math.max(3, at - 1))}${address.slice(at)}`;
}

/**
 * The first factors a user can sign in with: `password` when one is set, and `email_code` for
 * each verified email address. The address the visitor typed is shown as typed; the account's
 * other addresses are masked, so knowing one identifier does not reveal the others.
 *
 * @example
 * firstFactorsFor(user, "jane@example.com");
 */
export function firstFactorsFor(user: UserRecord, identifier: string | null): SignInFactor[] {
  const factors: SignInFactor[] = [];
  if (user.passwordEnabled) factors.push({ strategy: "password" });
  for (const email of user.emailAddresses) {
    if (email.verification?.status !== "verified") continue;
    const typed =
      identifier !== null && email.emailAddress.toLowerCase() === identifier.toLowerCase();
    factors.push({
      strategy: "email_code",
      safe_identifier: typed ? email.emailAddress : maskEmailAddress(email.emailAddress),
      email_address_id: email.id,
      primary: email.id === user.primaryEmailAddressId,
    });
  }
  return factors;
}

/**
 * The second factors of a user with two-step verification: `totp` when an authenticator app is
 * set up, `backup_code` when unused backup codes remain. Empty when none (no second step).
 *
 * @example
 * secondFactorsFor(user, await store.countBackupCodes(user.id));
 */
export function secondFactorsFor(user: UserRecord, unusedBackupCodes: number): SignInFactor[] {
  if (!user.totpEnabled) return [];
  const factors: SignInFactor[] = [{ strategy: "totp" }];
  if (unusedBackupCodes > 0) factors.push({ strategy: "backup_code" });
  return factors;
}
