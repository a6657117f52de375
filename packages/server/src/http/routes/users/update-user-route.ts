import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { checkUsername } from "../../../flows/identifiers/check-username.js";
import { updateUser } from "../../../flows/users/update-user.js";
import { hashBackupCode } from "../../../mfa/hash-backup-code.js";
import type { UserPatch } from "../../../store/store.js";
import { defineRoute } from "../../define-route.js";
import { answerUser, requireUser } from "./user-answer.js";
import {
  checkBackupCodes,
  checkTotpSecret,
  nullableFlag,
  nullableText,
  parseTimestamp,
  passwordCredentialFrom,
} from "./user-input.js";

// Since API version 2026-05-12 metadata is not accepted here (strict: `form_param_unknown`).
const updateUserBody = z.strictObject({
  external_id: nullableText(),
  first_name: nullableText(),
  last_name: nullableText(),
  locale: nullableText(),
  primary_email_address_id: nullableText(),
  notify_primary_email_address_changed: nullableFlag(),
  primary_phone_number_id: nullableText(),
  primary_web3_wallet_id: nullableText(),
  username: nullableText(),
  profile_image_id: nullableText(),
  password: nullableText(),
  password_digest: nullableText(),
  password_hasher: nullableText(),
  skip_password_checks: nullableFlag(),
  sign_out_of_other_sessions: nullableFlag(),
  totp_secret: nullableText(),
  backup_codes: z.array(z.string()).optional(),
  delete_self_enabled: nullableFlag(),
  create_organization_enabled: nullableFlag(),
  legal_accepted_at: nullableText(),
  skip_legal_checks: nullableFlag(),
  // A PostgreSQL integer column: larger values are refused here, not by SQL.
  create_organizations_limit: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  created_at: nullableText(),
  bypass_client_trust: nullableFlag(),
});

/** Copies a nullable field into the patch when it was given (null clears it). */
function setIfGiven<K extends keyof UserPatch>(patch: UserPatch, key: K, value: UserPatch[K]) {
  if (value !== undefined) patch[key] = value;
}

/**
 * `PATCH /v1/users/{user_id}`: profile fields, primary identifications (verified ones of this
 * user), username (`""`/null removes it), password (plaintext hashed, or an imported digest),
 * TOTP secret with backup codes (plain codes, stored hashed) and flags.
 */
export const updateUserRoute = defineRoute({
  method: "PATCH",
  path: "/v1/users/{user_id}",
  auth: "secret_key",
  body: updateUserBody,
  handler: async (context) => {
    const { body, params, store } = context;
    const current = await requireUser(store, params.user_id);
    const backupCodes = checkBackupCodes(body.backup_codes);
    if (body.primary_web3_wallet_id != null) {
      throw new ApiError("form_param_value_invalid", {
        paramName: "primary_web3_wallet_id",
        longMessage: "primary_web3_wallet_id must be a verified web3 wallet of this user.",
      });
    }
    if (body.profile_image_id != null && body.profile_image_id !== current.imageId) {
      throw new ApiError("form_param_value_invalid", {
        paramName: "profile_image_id",
        longMessage: "profile_image_id must be the id of this user's uploaded image.",
      });
    }
    const patch: UserPatch = {};
    setIfGiven(patch, "externalId", body.external_id);
    setIfGiven(patch, "firstName", body.first_name);
    setIfGiven(patch, "lastName", body.last_name);
    setIfGiven(patch, "locale", body.locale);
    setIfGiven(patch, "username", checkUsername(body.username));
    setIfGiven(patch, "primaryEmailAddressId", body.primary_email_address_id ?? undefined);
    setIfGiven(patch, "primaryPhoneNumberId", body.primary_phone_number_id ?? undefined);
    setIfGiven(patch, "password", await passwordCredentialFrom(body));
    setIfGiven(patch, "totpSecret", checkTotpSecret(body.totp_secret));
    setIfGiven(
      patch,
      "backupCodeHashes",
      backupCodes?.map((code) => hashBackupCode(current.id, code)),
    );
    setIfGiven(patch, "deleteSelfEnabled", body.delete_self_enabled ?? undefined);
    setIfGiven(patch, "createOrganizationEnabled", body.create_organization_enabled ?? undefined);
    setIfGiven(patch, "createOrganizationsLimit", body.create_organizations_limit);
    setIfGiven(
      patch,
      "legalAcceptedAt",
      parseTimestamp(body.legal_accepted_at, "legal_accepted_at"),
    );
    setIfGiven(patch, "createdAt", parseTimestamp(body.created_at, "created_at") ?? undefined);
    setIfGiven(patch, "bypassClientTrust", body.bypass_client_trust ?? undefined);
    return answerUser(context, (await updateUser(store, params.user_id, patch)).user);
  },
});
