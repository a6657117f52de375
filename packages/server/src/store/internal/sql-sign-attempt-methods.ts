import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type {
  FactorVerification,
  FrontendStore,
  SignInPatch,
  SignInRecord,
  SignInStatus,
  SignUpPatch,
  SignUpRecord,
  SignUpStatus,
} from "../frontend-store.js";
import type { Metadata } from "../store.js";
import { numberOrNull, stringOrNull } from "./row-values.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function verificationFromJson(value: unknown): FactorVerification | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  return {
    strategy: String(v.strategy),
    status: String(v.status) as FactorVerification["status"],
    attempts: numberOrNull(v.attempts),
    expireAt: numberOrNull(v.expire_at),
    emailAddressId: stringOrNull(v.email_address_id),
    externalVerificationRedirectUrl: stringOrNull(v.external_verification_redirect_url),
    error: errorFromJson(v.error),
  };
}

function errorFromJson(value: unknown): FactorVerification["error"] {
  if (typeof value !== "object" || value === null) return null;
  const e = value as Record<string, unknown>;
  return { code: String(e.code), message: String(e.message), longMessage: String(e.long_message) };
}

function verificationToJson(v: FactorVerification | null): string | null {
  if (v === null) return null;
  return JSON.stringify({
    strategy: v.strategy,
    status: v.status,
    attempts: v.attempts,
    expire_at: v.expireAt,
    email_address_id: v.emailAddressId ?? null,
    external_verification_redirect_url: v.externalVerificationRedirectUrl ?? null,
    error:
      v.error == null
        ? null
        : { code: v.error.code, message: v.error.message, long_message: v.error.longMessage },
  });
}

function signUpFromRow(row: Row, now: number): SignUpRecord {
  const abandonAt = Number(row.abandon_at);
  const stored = String(row.status) as SignUpStatus;
  const strategy = stringOrNull(row.email_verification_strategy);
  return {
    id: String(row.id),
    clientId: String(row.client_id),
    status: stored === "missing_requirements" && now >= abandonAt ? "abandoned" : stored,
    emailAddress: stringOrNull(row.email_address),
    emailVerifiedAt: numberOrNull(row.email_verified_at),
    emailVerification:
      strategy === null
        ? null
        : {
            strategy,
            status: String(row.email_verification_status) as FactorVerification["status"],
            attempts: numberOrNull(row.email_verification_attempts),
            expireAt: numberOrNull(row.email_verification_expire_at),
          },
    username: stringOrNull(row.username),
    firstName: stringOrNull(row.first_name),
    lastName: stringOrNull(row.last_name),
    hasPassword: row.password_digest !== null && row.password_digest !== undefined,
    unsafeMetadata: (row.unsafe_metadata ?? {}) as Metadata,
    legalAcceptedAt: numberOrNull(row.legal_accepted_at),
    createdUserId: stringOrNull(row.created_user_id),
    createdSessionId: stringOrNull(row.created_session_id),
    externalAccountVerification: verificationFromJson(row.external_account_verification),
    abandonAt,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function signInFromRow(row: Row, now: number): SignInRecord {
  const abandonAt = Number(row.abandon_at);
  const stored = String(row.status) as SignInStatus;
  return {
    id: String(row.id),
    clientId: String(row.client_id),
    status: stored !== "complete" && now >= abandonAt ? "abandoned" : stored,
    identifier: stringOrNull(row.identifier),
    userId: stringOrNull(row.user_id),
    firstFactorVerification: verificationFromJson(row.first_factor_verification),
    secondFactorVerification: verificationFromJson(row.second_factor_verification),
    firstFactorVerifiedAt: numberOrNull(row.first_factor_verified_at),
    createdSessionId: stringOrNull(row.created_session_id),
    abandonAt,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function signUpAssignments(patch: SignUpPatch, params: SqlParams): string[] {
  const sets: string[] = [];
  const simple = {
    emailAddress: "email_address",
    emailVerifiedAt: "email_verified_at",
    username: "username",
    firstName: "first_name",
    lastName: "last_name",
    legalAcceptedAt: "legal_accepted_at",
  } as const;
  for (const [key, column] of Object.entries(simple) as Array<[keyof typeof simple, string]>) {
    if (patch[key] !== undefined) sets.push(`${column} = ${params.add(patch[key])}`);
  }
  if (patch.unsafeMetadata !== undefined) {
    sets.push(`unsafe_metadata = ${params.add(JSON.stringify(patch.unsafeMetadata))}::jsonb`);
  }
  if (patch.password !== undefined) {
    sets.push(`password_digest = ${params.add(patch.password?.digest ?? null)}`);
    sets.push(`password_hasher = ${params.add(patch.password?.hasher ?? null)}`);
  }
  if (patch.emailVerification !== undefined) {
    const v = patch.emailVerification;
    sets.push(`email_verification_strategy = ${params.add(v?.strategy ?? null)}`);
    sets.push(`email_verification_status = ${params.add(v?.status ?? null)}`);
    sets.push(`email_verification_attempts = ${params.add(v?.attempts ?? null)}`);
    sets.push(`email_verification_expire_at = ${params.add(v?.expireAt ?? null)}`);
  }
  if (patch.externalAccountVerification !== undefined) {
    sets.push(
      `external_account_verification = ${params.add(verificationToJson(patch.externalAccountVerification))}::jsonb`,
    );
  }
  return sets;
}

function signInAssignments(patch: SignInPatch, params: SqlParams): string[] {
  const sets: string[] = [];
  const simple = {
    status: "status",
    identifier: "identifier",
    userId: "user_id",
    firstFactorVerifiedAt: "first_factor_verified_at",
  } as const;
  for (const [key, column] of Object.entries(simple) as Array<[keyof typeof simple, string]>) {
    if (patch[key] !== undefined) sets.push(`${column} = ${params.add(patch[key])}`);
  }
  for (const [key, column] of [
    ["firstFactorVerification", "first_factor_verification"],
    ["secondFactorVerification", "second_factor_verification"],
  ] as const) {
    const value = patch[key];
    if (value !== undefined)
      sets.push(`${column} = ${params.add(verificationToJson(value))}::jsonb`);
  }
  return sets;
}

type SignAttemptMethods = Pick<
  FrontendStore,
  | "createSignUp"
  | "getSignUp"
  | "updateSignUp"
  | "getSignUpPassword"
  | "completeSignUp"
  | "createSignIn"
  | "getSignIn"
  | "updateSignIn"
  | "claimSignInCompletion"
  | "setSignInSession"
>;

/** The sign-up and sign-in part of the SQL store (no webhook events: Clerk has none for them). */
export function sqlSignAttemptMethods({ db, clock, ids }: SqlStoreContext): SignAttemptMethods {
  const getSignUp = async (id: string) => {
    const rows = await db.query("SELECT * FROM sign_ups WHERE id = $1", [id]);
    return rows[0] === undefined ? null : signUpFromRow(rows[0], clock.now());
  };
  const getSignIn = async (id: string) => {
    const rows = await db.query("SELECT * FROM sign_ins WHERE id = $1", [id]);
    return rows[0] === undefined ? null : signInFromRow(rows[0], clock.now());
  };

  const updateSignUp = async (id: string, patch: SignUpPatch) => {
    const params = new SqlParams();
    const sets = [`updated_at = ${params.add(clock.now())}`, ...signUpAssignments(patch, params)];
    const rows = await db.query(
      `UPDATE sign_ups SET ${sets.join(", ")} WHERE id = ${params.add(id)} RETURNING *`,
      params.values,
    );
    if (rows[0] === undefined)
      throw new ApiError("resource_not_found", { paramName: "sign_up_id" });
    return signUpFromRow(rows[0], clock.now());
  };

  const updateSignIn = async (id: string, patch: SignInPatch) => {
    const params = new SqlParams();
    const sets = [`updated_at = ${params.add(clock.now())}`, ...signInAssignments(patch, params)];
    const rows = await db.query(
      `UPDATE sign_ins SET ${sets.join(", ")} WHERE id = ${params.add(id)} RETURNING *`,
      params.values,
    );
    if (rows[0] === undefined)
      throw new ApiError("resource_not_found", { paramName: "sign_in_id" });
    return signInFromRow(rows[0], clock.now());
  };

  return {
    async createSignUp({ clientId, abandonAt, patch }) {
      const id = ids("sua");
      const now = clock.now();
      await db.query(
        `INSERT INTO sign_ups (id, client_id, status, abandon_at, created_at, updated_at)
         VALUES ($1, $2, 'missing_requirements', $3, $4, $4)`,
        [id, clientId, abandonAt, now],
      );
      return updateSignUp(id, patch);
    },
    getSignUp,
    updateSignUp,
    async getSignUpPassword(signUpId) {
      const rows = await db.query<{ password_digest: string | null; password_hasher: string }>(
        "SELECT password_digest, password_hasher FROM sign_ups WHERE id = $1",
        [signUpId],
      );
      const row = rows[0];
      if (row?.password_digest == null) return null;
      return { digest: row.password_digest, hasher: row.password_hasher };
    },
    async completeSignUp(signUpId, created) {
      const rows = await db.query(
        `UPDATE sign_ups SET status = 'complete', created_user_id = $2, created_session_id = $3,
           updated_at = $4
         WHERE id = $1 AND status <> 'complete' RETURNING id`,
        [signUpId, created.userId, created.sessionId, clock.now()],
      );
      return rows.length > 0;
    },

    async createSignIn({ clientId, abandonAt, patch }) {
      const id = ids("sia");
      const now = clock.now();
      await db.query(
        `INSERT INTO sign_ins (id, client_id, status, abandon_at, created_at, updated_at)
         VALUES ($1, $2, 'needs_identifier', $3, $4, $4)`,
        [id, clientId, abandonAt, now],
      );
      return updateSignIn(id, patch);
    },
    getSignIn,
    updateSignIn,
    async claimSignInCompletion(signInId, expected) {
      const rows = await db.query(
        `UPDATE sign_ins SET status = 'complete', updated_at = $3
         WHERE id = $1 AND status = $2 RETURNING id`,
        [signInId, expected, clock.now()],
      );
      return rows.length > 0;
    },
    async setSignInSession(signInId, sessionId) {
      const rows = await db.query(
        "UPDATE sign_ins SET created_session_id = $2, updated_at = $3 WHERE id = $1 RETURNING *",
        [signInId, sessionId, clock.now()],
      );
      if (rows[0] === undefined) {
        throw new ApiError("resource_not_found", { paramName: "sign_in_id" });
      }
      return signInFromRow(rows[0], clock.now());
    },
  };
}
