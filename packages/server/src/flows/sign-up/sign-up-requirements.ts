import type { SignUpRecord } from "../../store/frontend-store.js";
import type { SignUpRequirements } from "../../wire/frontend-sign-up-json.js";

/** Fields a sign-up must have (email + password sign-up, Clerk's default). */
export const SIGN_UP_REQUIRED_FIELDS = ["email_address", "password"] as const;
/** Fields a sign-up may have. */
export const SIGN_UP_OPTIONAL_FIELDS = ["first_name", "last_name", "username"] as const;

/**
 * What a sign-up asks for and still lacks: required fields not given, and given fields not yet
 * verified (the email address, by `email_code`). A sign-up with neither is ready to be completed.
 *
 * @example
 * const { missingFields, unverifiedFields } = signUpRequirements(signUp);
 */
export function signUpRequirements(signUp: SignUpRecord): SignUpRequirements {
  const missingFields: string[] = [];
  if (signUp.emailAddress === null) missingFields.push("email_address");
  // An account at a provider stands in for the password (Clerk asks none of OAuth sign-ups).
  const viaProvider = signUp.externalAccountVerification?.status === "verified";
  if (!signUp.hasPassword && !viaProvider) missingFields.push("password");
  const unverifiedFields: string[] = [];
  if (signUp.emailAddress !== null && signUp.emailVerifiedAt === null) {
    unverifiedFields.push("email_address");
  }
  return {
    requiredFields: SIGN_UP_REQUIRED_FIELDS,
    optionalFields: SIGN_UP_OPTIONAL_FIELDS,
    missingFields,
    unverifiedFields,
  };
}
