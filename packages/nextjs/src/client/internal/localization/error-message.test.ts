import { type ClerkAPIError, ClerkAPIResponseError, ClerkNetworkError } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { ERROR_TABLE } from "../../../../../server/src/errors/error-table.js";
import { enUS } from "./en-us.js";
import { apiErrorMessage, thrownErrorMessage } from "./error-message.js";
import { mergeLocalization } from "./merge-localization.js";

const RULES = { passwordMinLength: 8, passwordMaxLength: 72 };

function entry(code: string, meta: ClerkAPIError["meta"] = {}, longMessage = ""): ClerkAPIError {
  return { code, message: `raw ${code}`, longMessage, meta };
}

function failure(entries: ClerkAPIError[], retryAfter?: number): ClerkAPIResponseError {
  return new ClerkAPIResponseError("failed", { status: 422, errors: entries, retryAfter });
}

function message(e: ClerkAPIError, retryAfter?: number): string {
  return apiErrorMessage(e, failure([e], retryAfter), enUS, RULES);
}

describe("the code → message map (enUS.unstable__errors)", () => {
  it("has plain words for every code the server can answer with", () => {
    const missing = Object.keys(ERROR_TABLE).filter((code) => !(code in enUS.unstable__errors));
    expect(missing).toEqual([]);
    for (const code of Object.keys(ERROR_TABLE)) {
      const text = message(
        entry(code, { lockoutExpiresInSeconds: 600, retryAfter: 30, maxLength: 64 }),
      );
      expect(text, code).not.toBe(`raw ${code}`);
      expect(text, code).not.toMatch(/\{\{|\}\}|_[a-z]+_|identifier/);
      expect(text, code).toMatch(/^[A-Z].*[.!]$/);
    }
  });

  it("says what the sign-up's server texts only hinted at, by code and parameter", () => {
    expect(
      message(
        entry(
          "form_param_format_invalid",
          { paramName: "email_address" },
          "email_address must be a valid email address.",
        ),
      ),
    ).toBe("Enter a valid email address, like name@example.com.");
    expect(
      message(
        entry(
          "form_param_format_invalid",
          { paramName: "slug" },
          'slug can contain only lowercase letters, digits and "-" (at most 256 characters).',
        ),
      ),
    ).toBe("Use only lowercase letters, numbers and hyphens (-) in the slug.");
    expect(
      message(
        entry(
          "form_identifier_exists",
          { paramName: "email_address" },
          "That identifier is taken.",
        ),
      ),
    ).toMatch(/^An account with this email address already exists/);
    expect(message(entry("form_identifier_exists", { paramName: "slug" }))).toMatch(
      /^Another organization already uses this slug/,
    );
  });

  it("fills in the password rules and the limits the server sends", () => {
    expect(message(entry("form_password_length_too_short"))).toBe(
      "Use at least 8 characters for your password.",
    );
    expect(message(entry("form_password_length_too_long"))).toBe(
      "Use at most 72 characters for your password.",
    );
    expect(
      message(entry("form_param_max_length_exceeded", { paramName: "name", maxLength: 256 })),
    ).toBe("This is too long. Use at most 256 characters.");
  });

  it("says how long a lock lasts, and how long to wait after too many requests", () => {
    expect(message(entry("user_locked", { lockoutExpiresInSeconds: 1800 }))).toBe(
      "Your account is locked after too many failed attempts. Try again in 30 minutes.",
    );
    expect(message(entry("user_locked", { lockoutExpiresInSeconds: 45 }))).toMatch(
      /Try again in 45 seconds/,
    );
    expect(message(entry("user_locked", { lockoutExpiresInSeconds: null }))).toBe(
      "Your account is locked. Contact the site's administrator to unlock it.",
    );
    expect(message(entry("user_locked"))).toMatch(/Try again later/);
    // `Retry-After` (the error's retryAfter), else meta.retry_after.
    expect(message(entry("too_many_requests"), 30)).toBe(
      "Too many attempts. Wait 30 seconds, then try again.",
    );
    expect(message(entry("too_many_requests", { retryAfter: 120 }))).toBe(
      "Too many attempts. Wait 2 minutes, then try again.",
    );
    expect(message(entry("too_many_requests"))).toBe(
      "Too many attempts. Wait a minute, then try again.",
    );
  });

  it("falls back to the server's text for a code it does not know", () => {
    expect(message(entry("brand_new_code", {}, "Something new happened."))).toBe(
      "Something new happened.",
    );
    expect(message({ code: "brand_new_code", message: "short", longMessage: "", meta: {} })).toBe(
      "short",
    );
  });

  it("takes the provider's localization over the English texts", () => {
    const german = mergeLocalization(enUS, {
      locale: "de-DE",
      unstable__errors: {
        user_locked: "Konto gesperrt. Versuchen Sie es in {{duration}} erneut.",
        form_param_format_invalid__email_address: "Bitte eine gültige E-Mail-Adresse eingeben.",
      },
    });
    const locked = entry("user_locked", { lockoutExpiresInSeconds: 600 });
    expect(apiErrorMessage(locked, failure([locked]), german, RULES)).toBe(
      "Konto gesperrt. Versuchen Sie es in 10 Minuten erneut.",
    );
    const email = entry("form_param_format_invalid", { paramName: "email_address" });
    expect(apiErrorMessage(email, failure([email]), german, RULES)).toBe(
      "Bitte eine gültige E-Mail-Adresse eingeben.",
    );
    // Codes it does not override stay English.
    const code = entry("form_code_incorrect");
    expect(apiErrorMessage(code, failure([code]), german, RULES)).toMatch(/code is incorrect/);
  });

  it("names what a call threw that is not the instance's answer", () => {
    expect(thrownErrorMessage(new ClerkNetworkError("down"), enUS)).toMatch(
      /couldn't reach the server/,
    );
    expect(thrownErrorMessage(new TypeError("boom"), enUS)).toBe(
      "Something went wrong. Try again.",
    );
  });
});
