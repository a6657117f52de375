import type { SignInRecord } from "../store/frontend-store.js";
import type { UserRecord } from "../store/store.js";
import { frontendVerificationJson } from "./frontend-verification-json.js";
import { profileImageUrl } from "./user-json.js";

/** A factor as the Frontend API lists it in `supported_first_factors` / `supported_second_factors`. */
export interface SignInFactorJson {
  strategy: "password" | "email_code" | "totp" | "backup_code";
  safe_identifier?: string;
  email_address_id?: string;
  primary?: boolean;
}

/** What a sign-in's JSON needs besides the record. */
export interface FrontendSignInContext {
  /** The identified user, or null before identification. */
  user: UserRecord | null;
  firstFactors: SignInFactorJson[] | null;
  secondFactors: SignInFactorJson[] | null;
  baseUrl: string;
}

/**
 * Serialises a sign-in as the Frontend API's `SignIn` (`object: "sign_in_attempt"`).
 * `user_data` (name and image) only appears once an identifier matched an account.
 *
 * @example
 * frontendSignInJson(signIn, { user, firstFactors, secondFactors: null, baseUrl });
 */
export function frontendSignInJson(signIn: SignInRecord, context: FrontendSignInContext) {
  const { user } = context;
  const imageUrl = user === null ? null : profileImageUrl(context.baseUrl, user.imageId);
  return {
    object: "sign_in_attempt" as const,
    id: signIn.id,
    status: signIn.status,
    supported_identifiers: ["email_address", "username"],
    supported_first_factors: context.firstFactors,
    supported_second_factors: context.secondFactors,
    first_factor_verification: frontendVerificationJson(signIn.firstFactorVerification),
    second_factor_verification: frontendVerificationJson(signIn.secondFactorVerification),
    identifier: signIn.identifier,
    user_data:
      user === null
        ? null
        : {
            first_name: user.firstName,
            last_name: user.lastName,
            image_url: imageUrl ?? "",
            has_image: user.imageId !== null,
          },
    created_session_id: signIn.createdSessionId,
    abandon_at: signIn.abandonAt,
  };
}
