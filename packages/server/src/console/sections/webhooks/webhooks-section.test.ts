import { afterAll, describe, expect, it } from "vitest";
import { consoleBrowser } from "../../../../test/console-browser.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { silentLogger } from "../../../logger.js";
import { startWebhookWorker, type WebhookWorker } from "../../../webhooks/start-webhook-worker.js";
import { TEST_CONSOLE_FACTS } from "../../console-test-facts.test-helpers.js";

describe("console webhooks", () => {
  const instance = useTestInstance({ console: { facts: TEST_CONSOLE_FACTS } });
  let worker: WebhookWorker | undefined;
  afterAll(() => worker?.stop());
  let n = 0;
  const url = () => `https://hooks.example.com/console-${++n}`;

  const signedIn = async () => {
    const browser = consoleBrowser(instance);
    await browser.signIn(undefined, "Ada");
    await browser.get("/console/webhooks");
    return browser;
  };
  const lastAudit = async () =>
    (await instance.store.listConsoleAudit({ limit: 1, offset: 0 })).entries[0];
  const auditCount = async () =>
    (await instance.store.listConsoleAudit({ limit: 1, offset: 0 })).total;
  const storedSecret = async (id: string) =>
    (
      await instance.db.query<{ secret: string }>(
        "SELECT secret FROM webhook_endpoints WHERE id = $1",
        [id],
      )
    )[0]?.secret;
  const endpoint = async (id: string) =>
    (await instance.call("GET", `/v1/webhooks/endpoints/${id}`)).body;
  const shownSecret = (html: string) => /whsec_[A-Za-z0-9+/=]+/.exec(html)?.[0] ?? null;
  /** Adds an endpoint through the console; answers its id and the secret shown. */
  const addEndpoint = async (browser: Awaited<ReturnType<typeof signedIn>>, target = url()) => {
    const answer = await browser.post("/console/webhooks", {
      url: target,
      event_types: "user.created, user.deleted",
      description: "CRM sync",
    });
    expect(answer.status).toBe(200);
    const id = /whe_[0-9A-Za-z]+/.exec(answer.html)?.[0] ?? "";
    return { id, answer, secret: shownSecret(answer.html) };
  };

  it("adds an endpoint and shows its secret once, never on a page after", async () => {
    const browser = await signedIn();
    const target = url();
    const { id, answer, secret } = await addEndpoint(browser, target);
    expect(answer.html).toContain("Endpoint added.");
    expect(secret).not.toBeNull();
    expect(await storedSecret(id)).toBe(secret);
    expect(await endpoint(id)).toMatchObject({
      url: target,
      event_types: ["user.created", "user.deleted"],
      description: "CRM sync",
      enabled: true,
    });
    expect(await lastAudit()).toMatchObject({
      actor: "Ada (secret key)",
      action: "webhook_endpoint.create",
      targetId: id,
      detail: { url: target, event_types: ["user.created", "user.deleted"] },
    });
    for (const path of ["/console/webhooks", `/console/webhooks/${id}`, "/console/audit"]) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(page.html).toContain(target);
      expect(shownSecret(page.html)).toBeNull();
    }
  });

  it("refuses bad input with the API's error, and changes nothing", async () => {
    const browser = await signedIn();
    const before = (await instance.call("GET", "/v1/webhooks/endpoints")).body.total_count;
    const audits = await auditCount();
    const bad = await browser.post("/console/webhooks", { url: "ftp://example.com/x" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('role="alert"');
    expect(bad.html).toContain('value="ftp://example.com/x"');
    const typo = await browser.post("/console/webhooks", {
      url: url(),
      event_types: "user created!",
    });
    expect(typo.status).toBe(422);
    expect(typo.html).toMatch(/event_types|event type/);
    expect((await instance.call("GET", "/v1/webhooks/endpoints")).body.total_count).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it("edits, disables and enables an endpoint through the API, each in the audit log", async () => {
    const browser = await signedIn();
    const { id } = await addEndpoint(browser);
    const target = url();
    const saved = await browser.post(`/console/webhooks/${id}`, {
      url: target,
      event_types: "session.created",
      description: "",
    });
    expect(saved.location).toBe(`/console/webhooks/${id}`);
    expect(await endpoint(id)).toMatchObject({
      url: target,
      event_types: ["session.created"],
      description: null,
    });
    expect(await lastAudit()).toMatchObject({ action: "webhook_endpoint.update", targetId: id });

    const refused = await browser.post(`/console/webhooks/${id}`, { url: "not a url" });
    expect(refused.status).toBe(303);
    expect((await browser.get(refused.location ?? "")).html).toContain('class="flash error"');
    expect((await endpoint(id)).url).toBe(target);

    await browser.post(`/console/webhooks/${id}/disable`);
    expect((await endpoint(id)).enabled).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: "webhook_endpoint.disable", targetId: id });
    const page = await browser.get(`/console/webhooks/${id}`);
    expect(page.html).toContain("Endpoint disabled");
    await browser.post(`/console/webhooks/${id}/enable`);
    expect((await endpoint(id)).enabled).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: "webhook_endpoint.enable", targetId: id });
  });

  it("rotates the secret: the new one shown on the answer only, recorded without it", async () => {
    const browser = await signedIn();
    const { id, secret: first } = await addEndpoint(browser);
    const rotated = await browser.post(`/console/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const second = shownSecret(rotated.html);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    expect(await storedSecret(id)).toBe(second);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "webhook_endpoint.rotate_secret", targetId: id });
    expect(JSON.stringify(audit)).not.toContain("whsec_");
    expect(shownSecret((await browser.get(`/console/webhooks/${id}`)).html)).toBeNull();
  });

  it("deletes an endpoint only once its id is typed", async () => {
    const browser = await signedIn();
    const { id } = await addEndpoint(browser);
    const wrong = await browser.post(`/console/webhooks/${id}/delete`, { confirm: "whe_other" });
    expect(wrong.location).toBe(`/console/webhooks/${id}`);
    expect((await instance.call("GET", `/v1/webhooks/endpoints/${id}`)).status).toBe(200);
    const deleted = await browser.post(`/console/webhooks/${id}/delete`, { confirm: id });
    expect(deleted.location).toBe("/console/webhooks");
    expect((await instance.call("GET", `/v1/webhooks/endpoints/${id}`)).status).toBe(404);
    expect(await lastAudit()).toMatchObject({ action: "webhook_endpoint.delete", targetId: id });
  });

  it("lists deliveries with status, attempts and response, and replays one or all dead", async () => {
    const browser = await signedIn();
    const { id } = await addEndpoint(browser);
    worker = startWebhookWorker({
      store: instance.store,
      clock: instance.clock,
      logger: silentLogger,
      pollIntervalMs: null,
      retryDelaysMs: [],
      fetch: async () => new Response("receiver down for maintenance", { status: 503 }),
    });
    for (const email of ["d1@example.com", "d2@example.com"]) {
      await instance.call("POST", "/v1/users", { body: { email_address: [email] } });
    }
    await worker.runOnce();
    const dead = await instance.call("GET", `/v1/webhooks/deliveries?endpoint_id=${id}`);
    expect(dead.body.total_count).toBe(2);
    const page = await browser.get(`/console/webhooks/${id}?status=dead`);
    expect(page.html).toContain('<span class="badge danger">dead</span>');
    expect(page.html).toContain("HTTP 503: receiver down for maintenance");
    expect(page.html).toContain("Replay all 2 dead-lettered");

    const [one, other] = dead.body.data as Array<{ id: string }>;
    const replay = await browser.post(`/console/webhooks/${id}/deliveries/${one?.id}/replay`);
    expect(replay.location).toBe(`/console/webhooks/${id}`);
    expect((await instance.call("GET", `/v1/webhooks/deliveries/${one?.id}`)).body.status).toBe(
      "pending",
    );
    expect(await lastAudit()).toMatchObject({
      action: "webhook_delivery.replay",
      targetId: one?.id,
      detail: { endpoint_id: id },
    });
    // A pending delivery cannot be replayed: the API's refusal is shown.
    await browser.post(`/console/webhooks/${id}/deliveries/${one?.id}/replay`);
    expect((await browser.get(`/console/webhooks/${id}`)).html).toContain('class="flash error"');

    await browser.post(`/console/webhooks/${id}/replay-dead`);
    expect((await instance.call("GET", `/v1/webhooks/deliveries/${other?.id}`)).body.status).toBe(
      "pending",
    );
    expect(await lastAudit()).toMatchObject({
      action: "webhook_endpoint.replay_dead",
      targetId: id,
    });
  });

  it("refuses every change without the CSRF token, with nothing changed", async () => {
    const browser = await signedIn();
    const { id, secret } = await addEndpoint(browser);
    const audits = await auditCount();
    for (const path of [
      "/console/webhooks",
      `/console/webhooks/${id}`,
      `/console/webhooks/${id}/disable`,
      `/console/webhooks/${id}/rotate-secret`,
      `/console/webhooks/${id}/replay-dead`,
      `/console/webhooks/${id}/delete`,
    ]) {
      const answer = await browser.post(path, { url: url(), confirm: id }, { csrf: null });
      expect(answer.status, path).toBe(403);
    }
    expect(await endpoint(id)).toMatchObject({
      enabled: true,
      event_types: ["user.created", "user.deleted"],
    });
    expect(await storedSecret(id)).toBe(secret);
    expect(await auditCount()).toBe(audits);
  });
});
