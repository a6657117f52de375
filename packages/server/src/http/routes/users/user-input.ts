import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { normaliseBackupCode } from "../../../mfa/hash-backup-code.js";
import { isValidTotpSecret } from "../../../mfa/verify-totp-code.js";
import { checkPasswordRules } from "../../../passwords/check-password-rules.js";
import { hashPassword } from "../../../passwords/hash-password.js";
import { checkPasswordDigest } from "../../../passwords/password-hashers.js";
import type { PasswordCredential } from "../../../store/store.js";

/** Zod: a string that may be null or absent. */
export const nullableText = () => z.string().nullable().optional();
/** Zod: a boolean that may be null or absent. */
export const nullableFlag = () => z.boolean().nullable().optional();
/** Zod: a metadata object. */
export const metadataObject = () => z.record(z.string(), z.unknown());

/**
 * Reads an RFC 3339 timestamp parameter as epoch ms (null stays null).
 *
 * @throws ApiError `form_param_format_invalid` with the parameter's name
 * @example
 * parseTimestamp("2012-10-20T07:15:20.902Z", "created_at"); // 1350717320902
 */
export function parseTimestamp(
  value: string | null | undefined,
  paramName: string,
): number | null | undefined {
  if (value === undefined || value === null) return value;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new ApiError("form_param_format_invalid", {
      paramName,
      longMessage: `${paramName} must be an RFC 3339 timestamp, e.g. 2012-10-20T07:15:20.902Z.`,
    });
  }
  return ms;
}

/**
 * Checks a TOTP secret given by an admin (base32, at least 80 bits). Null/absent pass through.
 *
 * @throws ApiError `form_param_format_invalid` (param `totp_secret`); the secret is never echoed
 * @example
 * checkTotpSecret("JBSWY3DPEHPK3PXPJBSWY3DP");
 */
export function checkTotpSecret(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const compact = value.replace(/[\s=-]/g, "").toUpperCase();
  if (!isValidTotpSecret(compact)) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "totp_secret",
      longMessage: "totp_secret must be a base32 secret of at least 16 characters.",
    });
  }
  return compact;
}

/** Password parameters shared by `POST /users` and `PATCH /users/{id}`. */
export interface PasswordInput {
  password?: string | null | undefined;
  password_digest?: string | null | undefined;
  password_hasher?: string | null | undefined;
  skip_password_checks?: boolean | null | undefined;
}

/**
 * Turns the password parameters into a credential to store: a plaintext password is checked
 * against the policy (unless `skip_password_checks`) and hashed with argon2id; an imported
 * `password_digest` is checked against its `password_hasher`'s format and stored as given.
 *
 * @returns undefined when no password was given
 * @throws ApiError `form_param_missing` (`password_hasher` / `password_digest` given alone),
 *   `form_param_value_invalid` (both `password` and `password_digest`, or unknown hasher),
 *   `form_password_digest_invalid`, and the policy codes of {@link checkPasswordRules}
 * @example
 * const credential = await passwordCredentialFrom(body);
 */
export async function passwordCredentialFrom(
  input: PasswordInput,
): Promise<PasswordCredential | undefined> {
  const password = input.password ?? undefined;
  const digest = input.password_digest ?? undefined;
  const hasher = input.password_hasher ?? undefined;
  if (password !== undefined && digest !== undefined) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "password_digest",
      longMessage: "Give either password or password_digest, not both.",
    });
  }
  if (digest !== undefined) {
    if (hasher === undefined) {
      throw new ApiError("form_param_missing", {
        paramName: "password_hasher",
        longMessage: "password_hasher must be included with password_digest.",
      });
    }
    return { digest, hasher: checkPasswordDigest(hasher, digest) };
  }
  if (hasher !== undefined) {
    throw new ApiError("form_param_missing", {
      paramName: "password_digest",
      longMessage: "password_digest must be included with password_hasher.",
    });
  }
  if (password === undefined) return undefined;
  if (input.skip_password_checks !== true) checkPasswordRules(password);
  return hashPassword(password);
}

/**
 * Rejects a non-empty list for a feature this instance does not have (web3 wallets).
 *
 * @throws ApiError `form_param_value_invalid` with the parameter's name
 */
export function rejectUnsupported(values: readonly unknown[] | undefined, paramName: string): void {
  if (values !== undefined && values.length > 0) {
    throw new ApiError("form_param_value_invalid", {
      paramName,
      longMessage: `${paramName} is not supported by this instance.`,
    });
  }
}

/** Most backup codes one user can be given. */
export const MAX_BACKUP_CODES = 50;
/** Shortest and longest backup code, counted after normalisation (see `normaliseBackupCode`). */
export const BACKUP_CODE_LENGTHS = { min: 6, max: 64 } as const;

const BCRYPT_DIGEST = /^\$2[abxy]?\$/;
const BACKUP_CODE_CHARACTERS = /^[a-z0-9]+$/;

/**
 * Checks backup codes given by an admin (`backup_codes` of `POST /users`, `PATCH /users/{id}`):
 * at most {@link MAX_BACKUP_CODES}, each of letters and digits (spaces and dashes are ignored,
 * case too) within {@link BACKUP_CODE_LENGTHS}, no two the same. The codes are never echoed.
 *
 * @returns the codes, or undefined when none were given (absent or empty: no change)
 * @throws ApiError `form_param_value_invalid` (too many, repeated), `form_param_format_invalid`
 *   (length, characters, a bcrypt digest instead of a code), param `backup_codes`
 * @example
 * const codes = checkBackupCodes(body.backup_codes);
 * const hashes = codes?.map((code) => hashBackupCode(userId, code));
 */
export function checkBackupCodes(codes: readonly string[] | undefined): string[] | undefined {
  if (codes === undefined || codes.length === 0) return undefined;
  const invalid = (code: "form_param_value_invalid" | "form_param_format_invalid", why: string) =>
    new ApiError(code, { paramName: "backup_codes", longMessage: why });
  if (codes.length > MAX_BACKUP_CODES) {
    throw invalid(
      "form_param_value_invalid",
      `backup_codes can hold at most ${MAX_BACKUP_CODES} codes.`,
    );
  }
  const seen = new Set<string>();
  for (const code of codes) {
    if (BCRYPT_DIGEST.test(code.trim())) {
      throw invalid(
        "form_param_format_invalid",
        "backup_codes must be the codes themselves: this instance cannot import bcrypt digests of them.",
      );
    }
    const normalised = normaliseBackupCode(code);
    const { min, max } = BACKUP_CODE_LENGTHS;
    if (
      normalised.length < min ||
      normalised.length > max ||
      !BACKUP_CODE_CHARACTERS.test(normalised)
    ) {
      throw invalid(
        "form_param_format_invalid",
        `Each backup code must be ${min} to ${max} letters or digits (spaces and dashes are ignored).`,
      );
    }
    if (seen.has(normalised)) {
      throw invalid("form_param_value_invalid", "Each backup code must be different.");
    }
    seen.add(normalised);
  }
  return [...codes];
}
