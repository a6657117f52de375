import { describe, expect, it } from "vitest";
import { createSmtpTransport, parseSmtpUrl } from "./smtp-transport.js";

describe("parseSmtpUrl", () => {
  it("accepts smtp and smtps URLs", () => {
    expect(parseSmtpUrl("smtp://u:p@mail.example.com:587").port).toBe("587");
    expect(parseSmtpUrl("smtps://mail.example.com:465").protocol).toBe("smtps:");
  });

  it("refuses anything else without repeating the URL", () => {
    for (const url of ["https://u:pw-123@example.com", "smtp://u:pw-123@", "pw-123"]) {
      expect(() => parseSmtpUrl(url)).toThrow(/LATCHKEY_SMTP_URL/);
      expect(() => parseSmtpUrl(url)).not.toThrow(/pw-123/);
    }
  });
});

describe("describeError", () => {
  const smtp = createSmtpTransport("smtp://mail%40user:p%40ss-w0rd@127.0.0.1:2525");

  it("keeps the error code and message", () => {
    const error = Object.assign(new Error("Greeting never received"), { code: "ETIMEDOUT" });
    expect(smtp.describeError(error)).toBe("ETIMEDOUT: Greeting never received");
    expect(smtp.describeError("plain")).toBe("plain");
  });

  it("removes the credentials in every form, and SMTP URLs", () => {
    const plain = Buffer.from("\u0000mail@user\u0000p@ss-w0rd").toString("base64");
    const text = [
      "p@ss-w0rd",
      "p%40ss-w0rd",
      "mail@user",
      plain,
      Buffer.from("p@ss-w0rd").toString("base64"),
      "smtp://someone:other@host",
    ].join(" | ");
    const described = smtp.describeError(new Error(text));
    expect(described).toBe("*** | *** | *** | *** | *** | smtp://***@host");
  });

  it("truncates long descriptions", () => {
    expect(smtp.describeError(new Error("x".repeat(2000))).length).toBe(500);
  });
});
