import { describe, expect, it } from "vitest";
import { mailConfigFromEnv } from "./mail-config-from-env.js";

const SMTP_URL = "smtp://mailer:s3cret@mail.example.com:587";

describe("mailConfigFromEnv", () => {
  it("leaves the transport to the mailer's default when nothing is set", () => {
    expect(mailConfigFromEnv({})).toEqual({ strict: false });
    expect(mailConfigFromEnv({ LATCHKEY_MAIL_TRANSPORT: " ", LATCHKEY_SMTP_URL: "" })).toEqual({
      strict: false,
    });
  });

  it("chooses SMTP when an SMTP URL is set", () => {
    expect(
      mailConfigFromEnv({
        LATCHKEY_SMTP_URL: SMTP_URL,
        LATCHKEY_MAIL_FROM: "hi@acme.test",
        LATCHKEY_MAIL_STRICT: "TRUE",
      }),
    ).toEqual({
      transport: { kind: "smtp", url: SMTP_URL },
      fromAddress: "hi@acme.test",
      strict: true,
    });
  });

  it("honours an explicit transport", () => {
    expect(mailConfigFromEnv({ LATCHKEY_MAIL_TRANSPORT: "console" }).transport).toEqual({
      kind: "console",
    });
    expect(
      mailConfigFromEnv({ LATCHKEY_MAIL_TRANSPORT: "mailbox", LATCHKEY_SMTP_URL: SMTP_URL })
        .transport,
    ).toEqual({ kind: "mailbox" });
  });

  it("names the variable to fix, never echoing the SMTP URL", () => {
    expect(() => mailConfigFromEnv({ LATCHKEY_MAIL_TRANSPORT: "smtp" })).toThrow(
      /LATCHKEY_SMTP_URL/,
    );
    expect(() => mailConfigFromEnv({ LATCHKEY_MAIL_TRANSPORT: "pigeon" })).toThrow(
      /LATCHKEY_MAIL_TRANSPORT must be/,
    );
    expect(() => mailConfigFromEnv({ LATCHKEY_MAIL_STRICT: "yes" })).toThrow(
      /LATCHKEY_MAIL_STRICT/,
    );
  });
});
