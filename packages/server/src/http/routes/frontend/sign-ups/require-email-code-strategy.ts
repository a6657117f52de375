import { ApiError } from "../../../../errors/api-error.js";

/**
 * Refuses a sign-up verification strategy other than `email_code` (the default when none is
 * given), the only one sign-ups offer.
 *
 * @throws `form_param_value_invalid` (`strategy`)
 * @example
 * requireEmailCodeStrategy(body.strategy);
 */
export function requireEmailCodeStrategy(strategy: string | undefined): void {
  if ((strategy ?? "email_code") !== "email_code") {
    throw new ApiError("form_param_value_invalid", { paramName: "strategy" });
  }
}
