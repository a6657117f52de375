import { describe, expect, it } from "vitest";
import { isApiError } from "../../errors/api-error.js";
import { checkWebhookUrl } from "./webhook-url.js";

describe("checkWebhookUrl", () => {
  it.each(["https://example.com/api/webhooks", "http://localhost:3000/hook?x=1"])(
    "accepts %s",
    (url) => {
      expect(checkWebhookUrl(url)).toBe(url);
    },
  );

  it.each([
    "",
    "/relative",
    "example.com/hook",
    "ftp://example.com/hook",
    "javascript:alert(1)",
    "https://user:password@example.com/hook",
    `https://example.com/${"a".repeat(2048)}`,
  ])("refuses %j with form_param_format_invalid on url", (url) => {
    let caught: unknown;
    try {
      checkWebhookUrl(url);
    } catch (error) {
      caught = error;
    }
    expect(isApiError(caught, "form_param_format_invalid")).toBe(true);
    expect((caught as { paramName?: string }).paramName).toBe("url");
  });
});
