import { beforeEach, describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";
import { createHandler } from "../../../create-handler.js";
import { silentLogger } from "../../../logger.js";
import { createMailer } from "../../../mail/create-mailer.js";
import { recordEmail } from "../../../mail/record-email.js";
import { backendApiRoutes } from "../backend-api-routes.js";

const instance = useTestInstance();

async function sendCode(emailAddress: string, code: string) {
  const mailer = createMailer({
    store: instance.store,
    developmentMode: true,
    logger: silentLogger,
  });
  return mailer.send({
    to: { emailAddress },
    template: "verification_code",
    code,
    purpose: "sign_in",
    appName: "Acme <Dev>",
  });
}

describe("GET /__dev/mailbox", () => {
  beforeEach(async () => {
    await instance.store.deleteEmailsCreatedBefore(Number.MAX_SAFE_INTEGER);
  });

  it("answers JSON newest first, without a secret key, for ?format=json and Accept", async () => {
    const first = await sendCode("ada@example.com", "111111");
    instance.clock.advance(1000);
    const second = await sendCode("bob@example.com", "222222");
    for (const [path, headers] of [
      ["/__dev/mailbox?format=json", {}],
      ["/__dev/mailbox", { Accept: "application/json" }],
    ] as const) {
      const answer = await instance.call("GET", path, { secretKey: null, headers });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.body).toEqual({
        data: [
          {
            id: second.id,
            to_email_address: "bob@example.com",
            subject: "Your verification code is 222222",
            body_plain: second.bodyText,
            otp_code: "222222",
            created_at: second.createdAt,
          },
          {
            id: first.id,
            to_email_address: "ada@example.com",
            subject: "Your verification code is 111111",
            body_plain: first.bodyText,
            otp_code: "111111",
            created_at: first.createdAt,
          },
        ],
        total_count: 2,
      });
    }
  });

  it("filters by exact recipient, case-insensitively, and pages", async () => {
    await sendCode("ada@example.com", "111111");
    await sendCode("ada@example.community", "333333");
    const latest = await sendCode("Ada@Example.com", "444444");
    const answer = await instance.call("GET", "/__dev/mailbox?format=json&to=ADA%40example.com", {
      secretKey: null,
    });
    expect(answer.body.total_count).toBe(2);
    expect(answer.body.data.map((e: { otp_code: string }) => e.otp_code)).toEqual([
      "444444",
      "111111",
    ]);
    const page = await instance.call("GET", "/__dev/mailbox?format=json&limit=1", {
      secretKey: null,
    });
    expect(page.body.data.map((e: { id: string }) => e.id)).toEqual([latest.id]);
    expect(page.body.total_count).toBe(3);
    const second = await instance.call("GET", "/__dev/mailbox?format=json&limit=1&offset=1", {
      secretKey: null,
    });
    expect(second.body.data[0].otp_code).toBe("333333");
  });

  it("lists +clerk_test emails too (recorded, never delivered)", async () => {
    await sendCode("jane+clerk_test@example.com", "555555");
    const answer = await instance.call("GET", "/__dev/mailbox?format=json", { secretKey: null });
    expect(answer.body.data[0]).toMatchObject({
      to_email_address: "jane+clerk_test@example.com",
      otp_code: "555555",
    });
  });

  it("answers a self-contained, escaped HTML page by default", async () => {
    const email = await sendCode("ada@example.com", "987654");
    await recordEmail(instance.store, {
      toEmailAddress: "eve@example.com",
      slug: "verification_code",
      fromEmailName: "notifications",
      subject: `<script>alert("x")</script>`,
      bodyText: "<b>not bold</b>",
      bodyHtml: "",
      data: {},
      status: "delivered",
      deliveredVia: "mailbox",
    });
    const response = await instance.fetch("/__dev/mailbox?to=ada@example.com", {
      headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<strong class="code">987654</strong>');
    expect(html).toContain(`data-email-id="${email.id}"`);
    expect(html).toContain("<dd>ada@example.com</dd>");
    expect(html).toContain('<time datetime="2026-01-01T00:00:');
    expect(html).toContain('value="ada@example.com"');
    expect(html).toContain("1 email to ada@example.com");
    expect(html).not.toMatch(/<script|<link|\bsrc=|https?:/);

    const all = await (await instance.fetch("/__dev/mailbox")).text();
    expect(all).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(all).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(all).not.toContain("<script");
  });

  it("says so when the mailbox is empty", async () => {
    const html = await (await instance.fetch("/__dev/mailbox?format=html")).text();
    expect(html).toContain("No emails yet.");
    expect(html).toContain("0 emails");
  });

  it("refuses bad query values with Clerk's form errors", async () => {
    const answer = await instance.call("GET", "/__dev/mailbox?format=xml&limit=0", {
      secretKey: null,
    });
    expect(answer.status).toBe(422);
    expect(
      answer.body.errors.map((e: { meta: { param_name: string } }) => e.meta.param_name).sort(),
    ).toEqual(["format", "limit"]);
  });

  it("is not served outside development mode", async () => {
    await sendCode("ada@example.com", "111111");
    const production = createHandler({
      store: instance.store,
      signingKeys: instance.signingKeys,
      secretKey: TEST_SECRET_KEY,
      routes: backendApiRoutes,
      clock: instance.clock,
      logger: silentLogger,
      settings: { developmentMode: false },
    });
    for (const url of ["/__dev/mailbox", "/__dev/mailbox?format=json"]) {
      const response = await production(
        new Request(new URL(url, "http://localhost"), {
          headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
        }),
      );
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(JSON.parse(text).errors[0].code).toBe("resource_not_found");
      expect(text).not.toContain("111111");
    }
  });
});
