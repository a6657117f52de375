import {
  type ClerkAPIError,
  type ClerkAPIResponseError,
  ClerkNetworkError,
} from "@latchkey/backend";
import { formatDuration } from "./format-duration.js";
import { formatMessage } from "./format-message.js";
import type { Localization } from "./localization.js";

/** What the message of an error may need besides the error itself. */
export interface ErrorMessageContext {
  /** The instance's password rules (from its environment), for the password codes. */
  passwordMinLength: number;
  passwordMaxLength: number;
}

function numberFrom(value: unknown): number | null | undefined {
  if (value === null) return null;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * The plain-language message of one entry of a failed call: `unstable__errors[code__param]`,
 * else `unstable__errors[code]`, with its values filled in. `user_locked` says how long the lock
 * lasts (`meta.lockoutExpiresInSeconds`), `too_many_requests` how long to wait (`Retry-After`);
 * without the number they use their `__unknown_duration` text (a lock without end:
 * `user_locked__indefinitely`). A code with no text falls back to the instance's message.
 *
 * @example
 * apiErrorMessage(entry, error, enUS, { passwordMinLength: 8, passwordMaxLength: 72 });
 * // "Enter a valid email address, like name@example.com."
 */
export function apiErrorMessage(
  entry: ClerkAPIError,
  error: ClerkAPIResponseError | undefined,
  localization: Localization,
  context: ErrorMessageContext,
): string {
  const messages = localization.unstable__errors;
  const param = entry.meta.paramName;
  let seconds: number | null | undefined;
  if (entry.code === "user_locked") seconds = numberFrom(entry.meta.lockoutExpiresInSeconds);
  if (entry.code === "too_many_requests") {
    seconds = numberFrom(entry.meta.retryAfter) ?? numberFrom(error?.retryAfter);
  }
  const keys = [
    ...(param ? [`${entry.code}__${param}`] : []),
    ...(seconds === null ? [`${entry.code}__indefinitely`] : []),
    entry.code,
  ];
  const template = keys.map((key) => messages[key]).find((text) => text !== undefined);
  const fallback = entry.longMessage || entry.message || messages.unexpected_error || "";
  if (template === undefined) return fallback;
  if (template.includes("{{duration}}") && typeof seconds !== "number") {
    return messages[`${entry.code}__unknown_duration`] ?? fallback;
  }
  const maxLength =
    numberFrom(entry.meta.maxLength) ??
    (entry.code.startsWith("form_password_") ? context.passwordMaxLength : undefined);
  if (template.includes("{{maxLength}}") && typeof maxLength !== "number") return fallback;
  return formatMessage(template, {
    duration: typeof seconds === "number" ? formatDuration(seconds, localization.locale) : "",
    minLength: context.passwordMinLength,
    maxLength: maxLength ?? undefined,
  });
}

/**
 * The message of anything else a call threw: the browser could not reach the instance
 * (`network_error`), or something unexpected (`unexpected_error`).
 *
 * @example
 * thrownErrorMessage(new TypeError("boom"), enUS); // "Something went wrong. Try again."
 */
export function thrownErrorMessage(error: unknown, localization: Localization): string {
  const messages = localization.unstable__errors;
  const key = error instanceof ClerkNetworkError ? "network_error" : "unexpected_error";
  return messages[key] ?? messages.unexpected_error ?? "Something went wrong. Try again.";
}
