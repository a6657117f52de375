import { ApiError } from "../../errors/api-error.js";
import { checkPasswordRules } from "../../passwords/check-password-rules.js";
import { hashPassword } from "../../passwords/hash-password.js";
import type { SignUpPatch } from "../../store/frontend-store.js";
import type { Metadata, Store } from "../../store/store.js";
import { checkEmailAddress } from "../identifiers/check-email-address.js";
import { checkUsername } from "../identifiers/check-username.js";

/** Sign-up fields as a browser sends them (form values are strings). */
export interface SignUpFieldsInput {
  email_address?: string | undefined;
  password?: string | undefined;
  username?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  unsafe_metadata?: string | Record<string, unknown> | undefined;
  legal_accepted?: boolean | string | undefined;
}

function parseMetadata(value: string | Record<string, unknown>): Metadata {
  if (typeof value !== "string") return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Metadata;
    }
  } catch {
    // fall through
  }
  throw new ApiError("form_param_format_invalid", {
    paramName: "unsafe_metadata",
    longMessage: "unsafe_metadata must be a JSON object.",
  });
}

const blankToNull = (value: string | undefined): string | null | undefined =>
  value === undefined ? undefined : value.trim() === "" ? null : value.trim();

/**
 * Validates the fields of a sign-up request into a {@link SignUpPatch}: email format, username
 * rules, the password policy (then argon2id hashing — the clear password goes no further), and
 * that the email address and username are not taken.
 *
 * Security note: answering `form_identifier_exists` for a taken email address tells the caller
 * that an account exists for it. Clerk answers the same way; the sign-up rate limits (per IP and
 * per address) bound how fast addresses can be probed.
 *
 * @throws `form_param_format_invalid`, `form_username_invalid_length`,
 *   `form_username_invalid_character`, the password rules' codes, `form_identifier_exists`
 * @example
 * const patch = await signUpPatchFrom(store, body);
 */
export async function signUpPatchFrom(
  store: Pick<Store, "countUsers">,
  input: SignUpFieldsInput,
  now: number,
): Promise<SignUpPatch> {
  const patch: SignUpPatch = {};
  if (input.email_address !== undefined && input.email_address.trim() !== "") {
    const email = checkEmailAddress(input.email_address);
    if ((await store.countUsers({ emailAddresses: [email] })) > 0) {
      throw new ApiError("form_identifier_exists", { paramName: "email_address" });
    }
    patch.emailAddress = email;
    patch.emailVerifiedAt = null;
    patch.emailVerification = null;
  }
  if (input.username !== undefined) {
    const username = checkUsername(input.username);
    if (username && (await store.countUsers({ usernames: [username] })) > 0) {
      throw new ApiError("form_identifier_exists", { paramName: "username" });
    }
    patch.username = username ?? null;
  }
  const firstName = blankToNull(input.first_name);
  if (firstName !== undefined) patch.firstName = firstName;
  const lastName = blankToNull(input.last_name);
  if (lastName !== undefined) patch.lastName = lastName;
  if (input.unsafe_metadata !== undefined)
    patch.unsafeMetadata = parseMetadata(input.unsafe_metadata);
  if (input.legal_accepted === true || input.legal_accepted === "true") patch.legalAcceptedAt = now;
  if (input.password !== undefined && input.password !== "") {
    checkPasswordRules(input.password);
    patch.password = await hashPassword(input.password);
  }
  return patch;
}
