import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { checkEmailAddress } from "../../../flows/identifiers/check-email-address.js";
import { checkPhoneNumber } from "../../../flows/identifiers/check-phone-number.js";
import { checkUsername } from "../../../flows/identifiers/check-username.js";
import { createUser } from "../../../flows/users/create-user.js";
import { hashBackupCode } from "../../../mfa/hash-backup-code.js";
import type { NewIdentification, NewUser } from "../../../store/store.js";
import { defineRoute } from "../../define-route.js";
import { answerUser } from "./user-answer.js";
import {
  checkBackupCodes,
  checkTotpSecret,
  metadataObject,
  nullableFlag,
  nullableText,
  parseTimestamp,
  passwordCredentialFrom,
  rejectUnsupported,
} from "./user-input.js";

const identificationStatuses = () => z.array(z.enum(["verified", "reserved"])).optional();

const createUserBody = z.strictObject({
  external_id: nullableText(),
  first_name: nullableText(),
  last_name: nullableText(),
  locale: nullableText(),
  email_address: z.array(z.string()).max(100).optional(),
  email_address_identification_status: identificationStatuses(),
  phone_number: z.array(z.string()).max(100).optional(),
  phone_number_identification_status: identificationStatuses(),
  web3_wallet: z.array(z.string()).optional(),
  username: nullableText(),
  password: nullableText(),
  password_digest: nullableText(),
  password_hasher: nullableText(),
  skip_password_checks: nullableFlag(),
  skip_password_requirement: nullableFlag(),
  totp_secret: nullableText(),
  backup_codes: z.array(z.string()).optional(),
  public_metadata: metadataObject().optional(),
  private_metadata: metadataObject().optional(),
  unsafe_metadata: metadataObject().optional(),
  delete_self_enabled: nullableFlag(),
  legal_accepted_at: nullableText(),
  skip_legal_checks: nullableFlag(),
  skip_user_requirement: nullableFlag(),
  create_organization_enabled: nullableFlag(),
  // A PostgreSQL integer column: larger values are refused here, not by SQL.
  create_organizations_limit: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  created_at: nullableText(),
  bypass_client_trust: nullableFlag(),
  banned: nullableFlag(),
  locked: nullableFlag(),
});

/** Pairs each identifier with its status (`verified` unless the parallel list says otherwise). */
function withStatuses(
  values: string[] | undefined,
  statuses: Array<"verified" | "reserved"> | undefined,
  paramName: string,
): Array<{ value: string; status: NewIdentification["status"] }> {
  const list = values ?? [];
  if (statuses !== undefined && statuses.length > 0 && statuses.length !== list.length) {
    throw new ApiError("form_param_value_invalid", {
      paramName: `${paramName}_identification_status`,
      longMessage: `${paramName}_identification_status must have one item per ${paramName}.`,
    });
  }
  return list.map((value, i) => ({ value, status: statuses?.[i] ?? "verified" }));
}

/**
 * `POST /v1/users`: creates a user (identifications verified by default, password hashed, backup
 * codes stored hashed and only with a TOTP secret).
 */
export const createUserRoute = defineRoute({
  method: "POST",
  path: "/v1/users",
  auth: "secret_key",
  body: createUserBody,
  handler: async (context) => {
    const { body, store } = context;
    rejectUnsupported(body.web3_wallet, "web3_wallet");
    const backupCodes = checkBackupCodes(body.backup_codes);
    const emails = withStatuses(
      body.email_address,
      body.email_address_identification_status,
      "email_address",
    );
    const phones = withStatuses(
      body.phone_number,
      body.phone_number_identification_status,
      "phone_number",
    );
    const input: NewUser = {
      externalId: body.external_id ?? null,
      username: checkUsername(body.username) ?? null,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
      locale: body.locale ?? null,
      publicMetadata: body.public_metadata ?? {},
      privateMetadata: body.private_metadata ?? {},
      unsafeMetadata: body.unsafe_metadata ?? {},
      password: (await passwordCredentialFrom(body)) ?? null,
      totpSecret: checkTotpSecret(body.totp_secret) ?? null,
      ...(backupCodes && {
        backupCodeHashes: (userId: string) =>
          backupCodes.map((code) => hashBackupCode(userId, code)),
      }),
      banned: body.banned ?? false,
      locked: body.locked ?? false,
      deleteSelfEnabled: body.delete_self_enabled ?? true,
      createOrganizationEnabled: body.create_organization_enabled ?? true,
      createOrganizationsLimit: body.create_organizations_limit ?? null,
      legalAcceptedAt: parseTimestamp(body.legal_accepted_at, "legal_accepted_at") ?? null,
      bypassClientTrust: body.bypass_client_trust ?? false,
      emailAddresses: emails.map(({ value, status }) => ({
        emailAddress: checkEmailAddress(value),
        status,
      })),
      phoneNumbers: phones.map(({ value, status }) => ({
        phoneNumber: checkPhoneNumber(value),
        status,
      })),
    };
    const createdAt = parseTimestamp(body.created_at, "created_at");
    if (createdAt != null) input.createdAt = createdAt;
    return answerUser(context, (await createUser(store, input)).user);
  },
});
