import type { Row } from "../database.js";
import type { UserPatch } from "../store.js";
import type { SqlParams } from "./sql-params.js";

const SIMPLE_COLUMNS = {
  externalId: "external_id",
  username: "username",
  firstName: "first_name",
  lastName: "last_name",
  locale: "locale",
  banned: "banned",
  deleteSelfEnabled: "delete_self_enabled",
  createOrganizationEnabled: "create_organization_enabled",
  createOrganizationsLimit: "create_organizations_limit",
  legalAcceptedAt: "legal_accepted_at",
  bypassClientTrust: "bypass_client_trust",
  createdAt: "created_at",
  lastSignInAt: "last_sign_in_at",
  lastActiveAt: "last_active_at",
  primaryEmailAddressId: "primary_email_address_id",
  primaryPhoneNumberId: "primary_phone_number_id",
} as const satisfies Partial<Record<keyof UserPatch, string>>;

/** SET assignments for a user patch (`updated_at` always included). `current` is the locked row. */
export function userPatchAssignments(
  patch: UserPatch,
  current: Row,
  now: number,
  params: SqlParams,
): string[] {
  const sets: string[] = [`updated_at = ${params.add(now)}`];
  for (const [key, column] of Object.entries(SIMPLE_COLUMNS) as Array<
    [keyof typeof SIMPLE_COLUMNS, string]
  >) {
    const value = patch[key];
    if (value !== undefined) sets.push(`${column} = ${params.add(value)}`);
  }
  if (patch.password !== undefined) {
    sets.push(`password_digest = ${params.add(patch.password?.digest ?? null)}`);
    sets.push(`password_hasher = ${params.add(patch.password?.hasher ?? null)}`);
    sets.push(`password_updated_at = ${params.add(patch.password === null ? null : now)}`);
  }
  if (patch.totpSecret !== undefined) {
    sets.push(`totp_secret = ${params.add(patch.totpSecret)}`);
    const hadTotp = current.totp_secret !== null;
    if (patch.totpSecret !== null && !hadTotp) sets.push(`mfa_enabled_at = ${params.add(now)}`);
    if (patch.totpSecret === null && hadTotp) sets.push(`mfa_disabled_at = ${params.add(now)}`);
  }
  if (patch.lock !== undefined) {
    if (patch.lock === null) {
      sets.push(
        "locked_at = NULL",
        "lockout_expires_at = NULL",
        "failed_verification_attempts = 0",
      );
    } else {
      sets.push(`locked_at = ${params.add(now)}`);
      sets.push(`lockout_expires_at = ${params.add(patch.lock.expiresAt)}`);
    }
  }
  return sets;
}
