import { beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, consoleBrowser } from "../../../../test/console-browser.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import {
  apiRefusal,
  asHtml,
  lastAudit,
  outboxTotal,
  postAndFollow,
} from "../../console-section.test-helpers.js";
import { TEST_CONSOLE_FACTS } from "../../console-test-facts.test-helpers.js";

const ACTOR = "Tess Templates (secret key)";
const SECRET = "a-long-shared-secret-for-hs256";

/** A template form as the page posts it. */
const templateForm = (fields: Record<string, string>) => ({
  name: "",
  claims: "{}",
  lifetime: "60",
  allowed_clock_skew: "5",
  signing_algorithm: "HS256",
  signing_key: "",
  preview_user: "",
  preview_session: "",
  ...fields,
});

describe("console JWT templates section", () => {
  const instance = useTestInstance({ console: { facts: TEST_CONSOLE_FACTS } });
  let browser: ConsoleBrowser;
  let ada: string;
  let adaSession: string;
  let bobSession: string;

  const templates = async () =>
    (await instance.call("GET", "/v1/jwt_templates?limit=500")).body as { name: string }[];
  const createTemplate = async (name: string, claims: Record<string, unknown> = {}) =>
    (await instance.call("POST", "/v1/jwt_templates", { body: { name, claims } })).body
      .id as string;
  const startSession = async (userId: string) =>
    (await instance.call("POST", "/v1/sessions", { body: { user_id: userId } })).body.id as string;

  beforeAll(async () => {
    ada = (
      await instance.call("POST", "/v1/users", {
        body: {
          email_address: ["ada@example.com"],
          first_name: "Ada",
          public_metadata: { plan: "pro" },
        },
      })
    ).body.id;
    const bob = (
      await instance.call("POST", "/v1/users", { body: { email_address: ["bob@example.com"] } })
    ).body.id;
    adaSession = await startSession(ada);
    bobSession = await startSession(bob);
    browser = consoleBrowser(instance);
    await browser.signIn(undefined, "Tess Templates");
  });

  it("creates a template through the API, recorded with the actor", async () => {
    expect((await browser.get("/console/jwt-templates/new")).html).toContain('for="claims"');
    const events = await outboxTotal(instance);
    const created = await browser.post(
      "/console/jwt-templates/new",
      templateForm({
        name: "hasura",
        claims: '{"role": "{{user.public_metadata.plan}}"}',
        lifetime: "120",
        allowed_clock_skew: "10",
      }),
    );
    expect(created.status).toBe(303);
    const id = created.location?.split("/").pop() ?? "";
    const saved = await instance.call("GET", `/v1/jwt_templates/${id}`);
    expect(saved.body).toMatchObject({
      name: "hasura",
      claims: { role: "{{user.public_metadata.plan}}" },
      lifetime: 120,
      allowed_clock_skew: 10,
      custom_signing_key: false,
    });
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "jwt_template.create",
      targetId: id,
    });
    // The API raises no webhook event for templates, and neither does the console.
    expect(await outboxTotal(instance)).toBe(events);
    const page = await browser.get(created.location ?? "");
    expect(page.html).toContain("Template created.");
    const list = await browser.get("/console/jwt-templates");
    expect(list.html).toContain(`/console/jwt-templates/${id}`);
    expect(list.html).toContain('<th scope="col">Lifetime</th>');
  });

  it("refuses bad input with the API's message and saves nothing", async () => {
    const before = (await templates()).length;
    const cases: [Record<string, string>, Record<string, unknown>][] = [
      [
        { name: "reserved", claims: '{"sub": "x"}' },
        { name: "reserved", claims: { sub: "x" } },
      ],
      [
        { name: "short", claims: "{}", lifetime: "5" },
        { name: "short", claims: {}, lifetime: 5 },
      ],
      [
        { name: "hasura", claims: "{}" },
        { name: "hasura", claims: {} },
      ],
      [
        { name: "keyless", custom_signing_key: "true", signing_algorithm: "HS256" },
        { name: "keyless", claims: {}, custom_signing_key: true, signing_algorithm: "HS256" },
      ],
    ];
    for (const [form, body] of cases) {
      const message = await apiRefusal(instance, "POST", "/v1/jwt_templates", body);
      const answer = await browser.post("/console/jwt-templates/new", templateForm(form));
      expect(answer.status).toBe(422);
      expect(answer.html).toContain(message);
      // What was typed is shown again.
      expect(answer.html).toContain(`value="${form.name}"`);
    }
    const notJson = await browser.post(
      "/console/jwt-templates/new",
      templateForm({ name: "broken", claims: "{ nope" }),
    );
    expect(notJson.status).toBe(422);
    expect(notJson.html).toContain("claims is not valid JSON.");
    expect((await templates()).length).toBe(before);
  });

  it("edits a template, with its own signing key kept out of pages and the audit log", async () => {
    const id = await createTemplate("editable", { a: 1 });
    const path = `/console/jwt-templates/${id}`;
    const edited = await postAndFollow(
      browser,
      path,
      templateForm({
        name: "edited",
        claims: '{"b": "{{user.id}}"}',
        lifetime: "300",
        custom_signing_key: "true",
        signing_algorithm: "HS384",
        signing_key: SECRET,
      }),
    );
    expect(edited.page.html).toContain("Template saved.");
    expect(edited.page.html).not.toContain(SECRET);
    const saved = async () => (await instance.call("GET", `/v1/jwt_templates/${id}`)).body;
    expect(await saved()).toMatchObject({
      name: "edited",
      claims: { b: "{{user.id}}" },
      lifetime: 300,
      custom_signing_key: true,
      signing_algorithm: "HS384",
    });
    const audit = await lastAudit(instance);
    expect(audit).toMatchObject({ actor: ACTOR, action: "jwt_template.update", targetId: id });
    expect(JSON.stringify(audit?.detail)).not.toContain(SECRET);
    // An empty key field keeps the stored key.
    await postAndFollow(
      browser,
      path,
      templateForm({
        name: "edited",
        claims: "{}",
        custom_signing_key: "true",
        signing_algorithm: "HS384",
      }),
    );
    expect(await saved()).toMatchObject({ custom_signing_key: true, claims: {} });
    // A refused edit changes nothing.
    const message = await apiRefusal(instance, "PATCH", `/v1/jwt_templates/${id}`, {
      name: "edited",
      claims: {},
      allowed_clock_skew: 999,
    });
    const refused = await browser.post(
      path,
      templateForm({ name: "edited", claims: "{}", allowed_clock_skew: "999" }),
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain(message);
    expect(await saved()).toMatchObject({ allowed_clock_skew: 5, custom_signing_key: true });
  });

  it("deletes a template only when its id is typed", async () => {
    const id = await createTemplate("doomed");
    const path = `/console/jwt-templates/${id}`;
    const wrong = await postAndFollow(browser, `${path}/delete`, { confirm: "doomed" });
    expect(wrong.page.html).toContain("Type the template id exactly");
    expect((await instance.call("GET", `/v1/jwt_templates/${id}`)).status).toBe(200);
    const deleted = await postAndFollow(browser, `${path}/delete`, { confirm: id });
    expect(deleted.post.location).toBe("/console/jwt-templates");
    expect((await instance.call("GET", `/v1/jwt_templates/${id}`)).status).toBe(404);
    expect(await lastAudit(instance)).toMatchObject({
      actor: ACTOR,
      action: "jwt_template.delete",
      targetId: id,
    });
  });

  describe("live preview", () => {
    const claims = JSON.stringify({
      email: "{{user.primary_email_address}}",
      plan: "{{user.public_metadata.plan}}",
      session: "{{session.id}}",
      greeting: "Hi {{user.first_name || 'there'}}",
    });
    const preview = (fields: Record<string, string>, json = true) =>
      browser.post(
        "/console/jwt-templates/preview",
        templateForm({ name: "unsaved", claims, template_id: "", ...fields }),
        json ? { headers: { accept: "application/json" } } : {},
      );

    it("renders the typed claims for the chosen user and session, and no token", async () => {
      await browser.get("/console/jwt-templates/new");
      const audited = await lastAudit(instance);
      const answer = await preview({ preview_user: "ada@example.com" });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.html);
      expect(body).toMatchObject({
        ok: true,
        userId: ada,
        sessionId: adaSession,
        claims: {
          email: "ada@example.com",
          plan: "pro",
          session: adaSession,
          greeting: "Hi Ada",
        },
      });
      expect(body.sessions.map((s: { id: string }) => s.id)).toEqual([adaSession]);
      expect(answer.html).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
      const byId = JSON.parse(
        (await preview({ preview_user: ada, preview_session: adaSession })).html,
      );
      expect(byId.claims.session).toBe(adaSession);
      // Previews change nothing: no template, no audit line.
      expect((await templates()).some((t) => t.name === "unsaved")).toBe(false);
      expect(await lastAudit(instance)).toEqual(audited);
    });

    it("works without the script: the Preview button answers the page", async () => {
      const page = await preview({ preview_user: ada }, false);
      expect(page.status).toBe(200);
      expect(page.html).toContain(asHtml('"email": "ada@example.com"'));
      expect(page.html).toContain(`<option value="${adaSession}" selected="">`);
      // The form keeps what was typed.
      expect(page.html).toContain('value="unsaved"');
    });

    it("refuses a session of another user, and a claims text that is not an object", async () => {
      const crossed = JSON.parse(
        (await preview({ preview_user: ada, preview_session: bobSession })).html,
      );
      expect(crossed).toMatchObject({ ok: false, error: "That session belongs to another user." });
      expect(crossed.claims).toBeUndefined();
      const notObject = JSON.parse((await preview({ preview_user: ada, claims: "[1]" })).html);
      expect(notObject).toMatchObject({ ok: false });
      expect(notObject.error).toContain("must be a JSON object");
      const reserved = JSON.parse(
        (await preview({ preview_user: ada, claims: '{"exp": 1}' })).html,
      );
      expect(reserved.error).toContain('"exp" is reserved');
      const nobody = JSON.parse((await preview({ preview_user: "nobody@example.com" })).html);
      expect(nobody).toMatchObject({ ok: false, error: "No user nobody@example.com." });
    });
  });

  it("refuses every change and the preview without the CSRF token", async () => {
    const id = await createTemplate("guarded");
    await browser.get(`/console/jwt-templates/${id}`);
    const posts: [string, Record<string, string>][] = [
      ["/console/jwt-templates/new", templateForm({ name: "forged" })],
      [`/console/jwt-templates/${id}`, templateForm({ name: "forged" })],
      [`/console/jwt-templates/${id}/delete`, { confirm: id }],
      ["/console/jwt-templates/preview", templateForm({ preview_user: ada })],
    ];
    for (const [path, form] of posts) {
      expect((await browser.post(path, form, { csrf: null })).status).toBe(403);
    }
    expect((await instance.call("GET", `/v1/jwt_templates/${id}`)).body.name).toBe("guarded");
    expect((await templates()).some((t) => t.name === "forged")).toBe(false);
  });
});
