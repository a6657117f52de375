import { beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, consoleBrowser } from "../../../../test/console-browser.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { TEST_CONSOLE_FACTS } from "../../console-test-facts.test-helpers.js";

describe("console users section", () => {
  const instance = useTestInstance({ console: { facts: TEST_CONSOLE_FACTS } });
  let browser: ConsoleBrowser;
  const ids: Record<string, string> = {};

  const createUser = async (key: string, body: Record<string, unknown>) => {
    const answer = await instance.call("POST", "/v1/users", { body });
    expect(answer.status).toBe(200);
    ids[key] = answer.body.id;
    return answer.body.id as string;
  };
  const events = async (type: string, userId: string) =>
    (
      await instance.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM webhook_outbox WHERE event_type = $1 AND payload->'data'->>'id' = $2",
        [type, userId],
      )
    )[0]?.n ?? 0;
  const lastAudit = async () =>
    (await instance.store.listConsoleAudit({ limit: 1, offset: 0 })).entries[0];

  beforeAll(async () => {
    await createUser("ada", {
      email_address: ["ada@example.com"],
      first_name: "Ada",
      last_name: "Lovelace",
      external_id: "ext-ada-1",
    });
    await createUser("grace", { email_address: ["grace@example.com"], first_name: "Grace" });
    await createUser("linus", { username: "linus_t", email_address: ["linus@example.org"] });
    for (let i = 0; i < 55; i += 1) {
      await createUser(`bulk${i}`, { email_address: [`bulk${i}@bulk.test`] });
    }
    browser = consoleBrowser(instance);
    await browser.signIn(undefined, "Ada Admin");
  });

  it("searches by email, name, username, user id and external id", async () => {
    const search = async (q: string) =>
      (await browser.get(`/console/users?q=${encodeURIComponent(q)}`)).html;
    expect(await search("grace@example")).toContain(ids.grace);
    expect(await search("lovelace")).toContain(ids.ada);
    expect(await search("linus_t")).toContain(ids.linus);
    expect(await search(ids.grace ?? "")).toContain("grace@example.com");
    const byExternal = await search("ext-ada");
    expect(byExternal).toContain(ids.ada);
    expect(byExternal).not.toContain(ids.grace);
    expect(await search("nobody-at-all")).toContain("No users match.");
  });

  it("pages through users 50 at a time", async () => {
    const first = await browser.get("/console/users?q=bulk.test");
    expect(first.html).toContain("Showing 1–50 of 55");
    expect(first.html).toContain('rel="next"');
    const second = await browser.get("/console/users?q=bulk.test&page=2");
    expect(second.html).toContain("Showing 51–55 of 55");
    expect(second.html).not.toContain('rel="next"');
  });

  it("bans through the Backend API: the same event, an audit line with the actor, the filter finds it", async () => {
    const id = ids.grace ?? "";
    await browser.get(`/console/users/${id}`);
    const before = await events("user.updated", id);
    const answer = await browser.post(`/console/users/${id}/ban`);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/console/users/${id}`);
    expect((await instance.call("GET", `/v1/users/${id}`)).body.banned).toBe(true);
    expect(await events("user.updated", id)).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      actor: "Ada Admin (secret key)",
      action: "user.ban",
      targetId: id,
    });
    const page = await browser.get(`/console/users/${id}`);
    expect(page.html).toContain("User banned.");
    const banned = await browser.get("/console/users?status=banned");
    expect(banned.html).toContain(id);
    expect(banned.html).not.toContain(ids.ada);
    await browser.post(`/console/users/${id}/unban`);
    expect((await instance.call("GET", `/v1/users/${id}`)).body.banned).toBe(false);
  });

  it("locks and unlocks; the locked filter finds locked users only", async () => {
    const id = ids.linus ?? "";
    await browser.get(`/console/users/${id}`);
    await browser.post(`/console/users/${id}/lock`);
    expect((await instance.call("GET", `/v1/users/${id}`)).body.locked).toBe(true);
    const locked = await browser.get("/console/users?status=locked");
    expect(locked.html).toContain(id);
    expect(locked.html).not.toContain(ids.ada);
    const active = await browser.get("/console/users?status=active&q=linus");
    expect(active.html).toContain("No users match.");
    await browser.get(`/console/users/${id}`);
    await browser.post(`/console/users/${id}/unlock`);
    expect((await instance.call("GET", `/v1/users/${id}`)).body.locked).toBe(false);
  });

  it("replaces metadata from JSON; refuses what is not a JSON object, changing nothing", async () => {
    const id = ids.ada ?? "";
    await browser.get(`/console/users/${id}`);
    const saved = await browser.post(`/console/users/${id}/metadata`, {
      public_metadata: '{ "plan": "pro" }',
      private_metadata: '{ "stripe": "cus_1" }',
      unsafe_metadata: "",
    });
    expect(saved.status).toBe(303);
    const user = (await instance.call("GET", `/v1/users/${id}`)).body;
    expect(user.public_metadata).toEqual({ plan: "pro" });
    expect(user.private_metadata).toEqual({ stripe: "cus_1" });
    expect(await lastAudit()).toMatchObject({ action: "user.metadata_replace", targetId: id });

    await browser.get(`/console/users/${id}`);
    for (const bad of ['{ "plan": ', "[1, 2]", "42"]) {
      const refused = await browser.post(`/console/users/${id}/metadata`, {
        public_metadata: bad,
        private_metadata: "{}",
        unsafe_metadata: "{}",
      });
      expect(refused.status).toBe(422);
      expect(refused.html).toContain("public_metadata");
      // What was typed is shown again.
      expect(refused.html).toContain(bad.replace(/"/g, "&quot;"));
    }
    // Larger than the API accepts: the API's own error, nothing changed.
    const huge = JSON.stringify({ blob: "x".repeat(9000) });
    const tooBig = await browser.post(`/console/users/${id}/metadata`, {
      public_metadata: huge,
      private_metadata: "{}",
      unsafe_metadata: "{}",
    });
    expect(tooBig.status).toBe(422);
    expect((await instance.call("GET", `/v1/users/${id}`)).body.public_metadata).toEqual({
      plan: "pro",
    });
  });

  it("creates a user, and shows the API's refusal for a bad address", async () => {
    await browser.get("/console/users/new");
    const refused = await browser.post("/console/users/new", {
      email_address: "not-an-address",
      first_name: "Bad",
      username: "",
      last_name: "",
      external_id: "",
      password: "",
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('value="Bad"');
    const created = await browser.post("/console/users/new", {
      email_address: "new@example.com",
      first_name: "New",
      username: "",
      last_name: "",
      external_id: "",
      password: "",
    });
    expect(created.status).toBe(303);
    const id = created.location?.split("/").pop() ?? "";
    expect((await instance.call("GET", `/v1/users/${id}`)).body.first_name).toBe("New");
    expect(await events("user.created", id)).toBe(1);
    expect(await lastAudit()).toMatchObject({ action: "user.create", targetId: id });
  });

  it("sets a password through the API's checks", async () => {
    const id = ids.ada ?? "";
    await browser.get(`/console/users/${id}`);
    const weak = await browser.post(`/console/users/${id}/password`, { password: "123" });
    expect(weak.status).toBe(303);
    expect((await browser.get(`/console/users/${id}`)).html).toContain('class="flash error"');
    expect((await instance.call("GET", `/v1/users/${id}`)).body.password_enabled).toBe(false);
    await browser.post(`/console/users/${id}/password`, {
      password: "a sturdy passphrase 42",
      sign_out_of_other_sessions: "true",
    });
    expect((await instance.call("GET", `/v1/users/${id}`)).body.password_enabled).toBe(true);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "user.password_reset" });
    expect(JSON.stringify(audit)).not.toContain("sturdy");
  });

  it("revokes one session, then all, and not another user's session from this page", async () => {
    const id = ids.ada ?? "";
    const sessions: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      sessions.push(
        (await instance.call("POST", "/v1/sessions", { body: { user_id: id } })).body.id,
      );
    }
    const other = (await instance.call("POST", "/v1/sessions", { body: { user_id: ids.linus } }))
      .body.id as string;
    const page = await browser.get(`/console/users/${id}`);
    for (const session of sessions) expect(page.html).toContain(session);
    await browser.post(`/console/users/${id}/sessions/${sessions[0]}/revoke`);
    expect((await instance.call("GET", `/v1/sessions/${sessions[0]}`)).body.status).toBe("revoked");
    await browser.get(`/console/users/${id}`);
    await browser.post(`/console/users/${id}/sessions/${other}/revoke`);
    expect((await instance.call("GET", `/v1/sessions/${other}`)).body.status).toBe("active");
    await browser.get(`/console/users/${id}`);
    await browser.post(`/console/users/${id}/sessions/revoke-all`);
    for (const session of sessions.slice(1)) {
      expect((await instance.call("GET", `/v1/sessions/${session}`)).body.status).toBe("revoked");
    }
  });

  it("deletes a user only when its id is typed", async () => {
    const id = await createUser("doomed", { email_address: ["doomed@example.com"] });
    await browser.get(`/console/users/${id}`);
    await browser.post(`/console/users/${id}/delete`, { confirm: "yes" });
    expect((await instance.call("GET", `/v1/users/${id}`)).status).toBe(200);
    await browser.get(`/console/users/${id}`);
    const deleted = await browser.post(`/console/users/${id}/delete`, { confirm: id });
    expect(deleted.location).toBe("/console/users");
    expect((await instance.call("GET", `/v1/users/${id}`)).status).toBe(404);
    expect(await events("user.deleted", id)).toBe(1);
    expect(await lastAudit()).toMatchObject({ action: "user.delete", targetId: id });
  });

  it("escapes what users typed", async () => {
    const id = await createUser("xss", {
      email_address: ["xss@example.com"],
      first_name: "<script>alert(1)</script>",
    });
    const page = await browser.get(`/console/users/${id}`);
    expect(page.html).not.toContain("<script>alert(1)</script>");
    expect(page.html).toContain("&lt;script&gt;");
  });
});
