import { useClerkState } from "../../internal/clerk-context.js";

/** The instance's password length rules. */
export interface PasswordRules {
  minLength: number;
  maxLength: number;
}

/** Latchkey's (and Clerk's) defaults, used until the environment is loaded. */
export const DEFAULT_PASSWORD_RULES: PasswordRules = { minLength: 8, maxLength: 72 };

/**
 * The password rules of the instance's environment (`user_settings.password_settings`), else
 * {@link DEFAULT_PASSWORD_RULES}; shown up front in the sign-up form and used in its messages.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * const { minLength } = usePasswordRules();
 */
export function usePasswordRules(): PasswordRules {
  const settings = useClerkState("usePasswordRules").environment?.user_settings?.password_settings;
  const min = settings?.min_length;
  const max = settings?.max_length;
  return {
    minLength: typeof min === "number" && min > 0 ? min : DEFAULT_PASSWORD_RULES.minLength,
    maxLength: typeof max === "number" && max > 0 ? max : DEFAULT_PASSWORD_RULES.maxLength,
  };
}
