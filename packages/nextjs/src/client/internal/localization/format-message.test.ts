import { describe, expect, it } from "vitest";
import { formatMessage } from "./format-message.js";

describe("formatMessage", () => {
  it("fills named places, leaves unknown ones empty, and takes Clerk's modifiers as given", () => {
    expect(formatMessage("Continue with {{provider}}", { provider: "Google" })).toBe(
      "Continue with Google",
    );
    expect(
      formatMessage("Continue with {{provider|titleize}}", { provider: "Local provider" }),
    ).toBe("Continue with Local provider");
    expect(formatMessage("Sent to {{ identifier }}.{{missing}}", { identifier: "a@b.io" })).toBe(
      "Sent to a@b.io.",
    );
  });
});
