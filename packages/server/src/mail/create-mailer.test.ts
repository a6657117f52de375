import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import type { Logger } from "../logger.js";
import { DEFAULT_TEST_TARGET, useTestStore } from "../store/test-databases.test-helpers.js";
import { createMailer, type MailerOptions, type SendEmailInput } from "./create-mailer.js";
import { type SmtpTestServer, startSmtpTestServer } from "./smtp-test-server.test-helpers.js";

const START = 1_767_225_600_000;
const PASSWORD = "hunter2-smtp-s3cret";
const CODE = "572913";

const input = (emailAddress = "ada@example.com"): SendEmailInput => ({
  to: { emailAddress, emailAddressId: "idn_ada", userId: "user_ada" },
  template: "verification_code",
  code: CODE,
  purpose: "sign_up",
  appName: "Acme",
});

function recordingLogger() {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: (message, fields) => lines.push({ level: "info", message, ...(fields && { fields }) }),
    error: (message, fields) => lines.push({ level: "error", message, ...(fields && { fields }) }),
  };
  return { logger, lines };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe(`the mailer (${DEFAULT_TEST_TARGET.label})`, () => {
  const ctx = useTestStore(DEFAULT_TEST_TARGET, { startMs: START });
  let smtp: SmtpTestServer | undefined;
  const events = async () =>
    ctx.db.query<{ payload: { type: string; data: Record<string, unknown> } }>(
      "SELECT payload FROM webhook_outbox ORDER BY seq",
    );
  const mailer = (options: Partial<MailerOptions> = {}) =>
    createMailer({
      store: ctx.store,
      developmentMode: true,
      logger: recordingLogger().logger,
      ...options,
    });

  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  describe("mailbox (the development default)", () => {
    it("stores the rendered email as delivered and emits email.created", async () => {
      const { logger, lines } = recordingLogger();
      const email = await mailer({ logger }).send(input());
      expect(email).toMatchObject({
        toEmailAddress: "ada@example.com",
        userId: "user_ada",
        emailAddressId: "idn_ada",
        slug: "verification_code",
        fromEmailName: "notifications",
        subject: `Your verification code is ${CODE}`,
        status: "delivered",
        deliveredVia: "mailbox",
        test: false,
        data: { otp_code: CODE, app: { name: "Acme" }, purpose: "sign_up" },
      });
      expect(email.bodyText).toContain("expires in 10 minutes");
      expect(email.bodyHtml).toContain(CODE);
      expect(await ctx.store.getEmail(email.id)).toEqual(email);
      const [event] = await events();
      expect(event?.payload.type).toBe("email.created");
      expect(event?.payload.data).toMatchObject({
        id: email.id,
        status: "delivered",
        delivered_by_clerk: false,
        data: { otp_code: CODE },
      });
      expect(lines).toEqual([]);
    });

    it("takes the sender name from the configured address", async () => {
      const email = await mailer({ fromAddress: "no-reply@acme.test" }).send(input());
      expect(email.fromEmailName).toBe("no-reply");
    });
  });

  describe("console", () => {
    it("prints the email to the logger in development", async () => {
      const { logger, lines } = recordingLogger();
      const email = await mailer({ transport: { kind: "console" }, logger }).send(input());
      expect(email).toMatchObject({ status: "delivered", deliveredVia: "console" });
      expect(lines).toHaveLength(1);
      expect(lines[0]?.fields).toMatchObject({ emailId: email.id, to: "ada@example.com" });
      expect(String(lines[0]?.fields?.text)).toContain(CODE);
    });

    it("is refused outside development, at startup", () => {
      expect(() =>
        createMailer({ store: ctx.store, developmentMode: false, transport: { kind: "console" } }),
      ).toThrow(/development only/);
    });
  });

  describe("configuration", () => {
    it("requires an explicit transport in production, naming what to set", () => {
      expect(() => createMailer({ store: ctx.store, developmentMode: false })).toThrow(
        /LATCHKEY_SMTP_URL/,
      );
      expect(() =>
        createMailer({ store: ctx.store, developmentMode: false, transport: { kind: "mailbox" } }),
      ).not.toThrow();
    });

    it("refuses a malformed SMTP URL without repeating it", () => {
      for (const url of [`http://u:${PASSWORD}@host`, `smtp://u:${PASSWORD}@`, "not a url"]) {
        let message = "";
        try {
          mailer({ transport: { kind: "smtp", url } });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toMatch(/smtp:\/\/user:password@host:587/);
        expect(message).not.toContain(PASSWORD);
      }
    });

    it("refuses a sender that is not a bare address", () => {
      for (const fromAddress of ["Acme <a@b.c>", "nobody", "@b.c", "a@"]) {
        expect(() => mailer({ fromAddress })).toThrow(/LATCHKEY_MAIL_FROM/);
      }
    });
  });

  describe("smtp", () => {
    const url = (server: SmtpTestServer, password = PASSWORD) =>
      `smtp://mailer:${encodeURIComponent(password)}@127.0.0.1:${server.port}`;

    it("authenticates and hands the message to the server, then marks it sent", async () => {
      smtp = await startSmtpTestServer({ credentials: { username: "mailer", password: PASSWORD } });
      const m = mailer({
        transport: { kind: "smtp", url: url(smtp) },
        fromAddress: "hi@acme.test",
      });
      const email = await m.send(input());
      m.close();
      expect(email).toMatchObject({ status: "sent", deliveredVia: "smtp", error: null });
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0];
      expect(message?.auth).toEqual({ username: "mailer", password: PASSWORD });
      expect(message?.mailFrom).toBe("<hi@acme.test>");
      expect(message?.rcptTo).toEqual(["<ada@example.com>"]);
      expect(message?.data).toMatch(/^Subject: Your verification code is 572913$/m);
      expect(message?.data).toMatch(/^From: Acme <hi@acme.test>$/m);
      expect(message?.data).toContain(CODE);
      expect(message?.data).toContain("text/html");
      // The event announces the email as queued, before delivery: Clerk's shape.
      const [event] = await events();
      expect(event?.payload.data).toMatchObject({ status: "queued", delivered_by_clerk: true });
    });

    it("records and logs a refused login without the credentials, and does not throw", async () => {
      smtp = await startSmtpTestServer({
        credentials: { username: "mailer", password: "the-right-one" },
        echoFailedAuth: true,
      });
      const { logger, lines } = recordingLogger();
      const email = await mailer({ transport: { kind: "smtp", url: url(smtp) }, logger }).send(
        input(),
      );
      expect(email.status).toBe("failed");
      expect(email.error).toMatch(/^EAUTH: /);
      expect(email.error).toContain("535");
      const base64 = Buffer.from(`\u0000mailer\u0000${PASSWORD}`).toString("base64");
      const recorded = JSON.stringify([email, await ctx.store.getEmail(email.id), lines]);
      expect(recorded).not.toContain(PASSWORD);
      expect(recorded).not.toContain(base64);
      expect(lines).toEqual([
        {
          level: "error",
          message: "email delivery failed",
          fields: { emailId: email.id, error: email.error },
        },
      ]);
      expect(JSON.stringify(lines)).not.toContain(CODE);
      expect(smtp.messages).toEqual([]);
    });

    it("records a refused recipient", async () => {
      smtp = await startSmtpTestServer({ rejectRecipients: true });
      const email = await mailer({
        transport: { kind: "smtp", url: `smtp://127.0.0.1:${smtp.port}` },
      }).send(input());
      expect(email.status).toBe("failed");
      expect(email.error).toContain("550");
    });

    it("records an unreachable server", async () => {
      const port = await closedPort();
      const email = await mailer({
        transport: { kind: "smtp", url: `smtp://mailer:${PASSWORD}@127.0.0.1:${port}` },
      }).send(input());
      expect(email.status).toBe("failed");
      expect(email.error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(email.error).not.toContain(PASSWORD);
    });

    it("throws email_delivery_failed when strict, after recording the failure", async () => {
      const port = await closedPort();
      const error = await mailer({
        transport: { kind: "smtp", url: `smtp://127.0.0.1:${port}` },
        strict: true,
      })
        .send(input())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("email_delivery_failed");
      const [stored] = await ctx.store.listEmails({}, { limit: 1, offset: 0 });
      expect(stored?.status).toBe("failed");
    });
  });

  describe("+clerk_test addresses", () => {
    it("get no mail in development: recorded as test, no SMTP, no console, no event", async () => {
      smtp = await startSmtpTestServer();
      const { logger, lines } = recordingLogger();
      const viaSmtp = await mailer({
        transport: { kind: "smtp", url: `smtp://127.0.0.1:${smtp.port}` },
        logger,
      }).send(input("ada+clerk_test@example.com"));
      const viaConsole = await mailer({ transport: { kind: "console" }, logger }).send(
        input("bob+clerk_test@example.com"),
      );
      for (const email of [viaSmtp, viaConsole]) {
        expect(email).toMatchObject({ test: true, deliveredVia: "mailbox", status: "delivered" });
      }
      expect(smtp.messages).toEqual([]);
      expect(lines).toEqual([]);
      expect(await events()).toEqual([]);
      expect(await ctx.store.countEmails({ toEmailAddress: "ada+clerk_test@example.com" })).toBe(1);
    });

    it("are ordinary addresses in production", async () => {
      smtp = await startSmtpTestServer();
      const email = await createMailer({
        store: ctx.store,
        developmentMode: false,
        transport: { kind: "smtp", url: `smtp://127.0.0.1:${smtp.port}` },
      }).send(input("ada+clerk_test@example.com"));
      expect(email).toMatchObject({ test: false, status: "sent" });
      expect(smtp.messages).toHaveLength(1);
      expect((await events()).length).toBe(1);
    });
  });
});
