import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { checkPasswordRules } from "./check-password-rules.js";
import { COMMON_PASSWORDS } from "./common-passwords.js";
import { isCommonPassword } from "./is-common-password.js";

function codeOf(password: string): string | undefined {
  try {
    checkPasswordRules(password);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.paramName).toBe("password");
    expect(`${apiError.message} ${apiError.longMessage}`).not.toContain(password);
    return apiError.code;
  }
}

describe("checkPasswordRules", () => {
  it("accepts a long, uncommon password", () => {
    expect(codeOf("correct horse battery staple")).toBeUndefined();
    expect(codeOf("x".repeat(72))).toBeUndefined();
  });

  it("applies Clerk's length and size limits", () => {
    expect(codeOf("Zq8#kLm")).toBe("form_password_length_too_short");
    expect(codeOf("x".repeat(73))).toBe("form_password_length_too_long");
    // 40 characters, 80 bytes in UTF-8.
    expect(codeOf("é".repeat(40))).toBe("form_password_size_in_bytes_exceeded");
  });

  it("rejects common passwords case-insensitively", () => {
    expect(codeOf("password123")).toBe("form_password_pwned");
    expect(codeOf("PASSWORD123")).toBe("form_password_pwned");
    expect(codeOf("qwertyuiop")).toBe("form_password_pwned");
  });
});

describe("the common-password list", () => {
  it("holds over a thousand entries, including the classics", () => {
    expect(new Set(COMMON_PASSWORDS).size).toBeGreaterThan(1000);
    for (const classic of ["123456", "password", "iloveyou", "letmein", "trustno1"]) {
      expect(isCommonPassword(classic)).toBe(true);
    }
    expect(isCommonPassword("vK9#mQ2$wL7!")).toBe(false);
  });
});
