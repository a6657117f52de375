import type { SignUpRecord } from "../store/frontend-store.js";
import { frontendVerificationJson } from "./frontend-verification-json.js";

/** What the sign-up flow asks of a sign-up, and what it still lacks (`signUpRequirements`). */
export interface SignUpRequirements {
  requiredFields: readonly string[];
  optionalFields: readonly string[];
  missingFields: string[];
  unverifiedFields: string[];
}

/**
 * Serialises a sign-up as the Frontend API's `SignUp` (`object: "sign_up_attempt"`), with the
 * fields the flow requires (`required_fields`, `missing_fields`, `unverified_fields`…) and `verifications.email_address` (`next_action`:
 * `needs_attempt` while a code is pending, empty once verified). The password never appears,
 * only `password_enabled`.
 *
 * @example
 * frontendSignUpJson(signUp, signUpRequirements(signUp));
 */
export function frontendSignUpJson(signUp: SignUpRecord, requirements: SignUpRequirements) {
  const email = frontendVerificationJson(signUp.emailVerification);
  return {
    object: "sign_up_attempt" as const,
    id: signUp.id,
    status: signUp.status,
    required_fields: [...requirements.requiredFields],
    optional_fields: [...requirements.optionalFields],
    missing_fields: requirements.missingFields,
    unverified_fields: requirements.unverifiedFields,
    verifications: {
      email_address:
        email === null
          ? null
          : {
              ...email,
              next_action: email.status === "verified" ? "" : "needs_attempt",
              supported_strategies: ["email_code"],
            },
      phone_number: null,
      web3_wallet: null,
      external_account: frontendVerificationJson(signUp.externalAccountVerification),
    },
    username: signUp.username,
    email_address: signUp.emailAddress,
    phone_number: null,
    web3_wallet: null,
    password_enabled: signUp.hasPassword,
    first_name: signUp.firstName,
    last_name: signUp.lastName,
    unsafe_metadata: signUp.unsafeMetadata,
    public_metadata: {},
    custom_action: false,
    external_id: null,
    created_session_id: signUp.createdSessionId,
    created_user_id: signUp.createdUserId,
    abandon_at: signUp.abandonAt,
    legal_accepted_at: signUp.legalAcceptedAt,
  };
}
