import { describe, expect, it } from "vitest";
import { consoleBrowser } from "../../test/console-browser.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { CONSOLE_PASSWORD_MIN_LENGTH, setConsolePassword } from "./console-password.js";
import { TEST_CONSOLE_FACTS } from "./console-test-facts.test-helpers.js";

describe("console access", () => {
  const instance = useTestInstance({ console: { facts: TEST_CONSOLE_FACTS, idleMinutes: 15 } });

  it("sends a browser without a session to sign-in, and refuses its posts", async () => {
    const browser = consoleBrowser(instance);
    const page = await browser.get("/console/users");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/console/sign-in");
    const post = await browser.post("/console/users/user_x/ban", {}, { csrf: "forged" });
    expect(post.status).toBe(401);
  });

  it("signs in with the secret key: an HttpOnly, SameSite=Strict session cookie on /console", async () => {
    const browser = consoleBrowser(instance);
    const signIn = await browser.signIn(TEST_SECRET_KEY, "Ada");
    expect(signIn.status).toBe(303);
    expect(signIn.location).toBe("/console");
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith("latchkey_console="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/console/);
    const home = await browser.get("/console");
    expect(home.status).toBe(200);
    expect(home.html).toContain("Signed in as Ada (secret key)");
    // The secret key is never part of a page.
    expect(home.html).not.toContain(TEST_SECRET_KEY);
    const { entries } = await instance.store.listConsoleAudit({ limit: 5, offset: 0 });
    expect(entries[0]).toMatchObject({ actor: "Ada (secret key)", action: "console.sign_in" });
  });

  it("keeps only the hash of the session token", async () => {
    const browser = consoleBrowser(instance);
    await browser.signIn();
    const token = browser.cookies.get("latchkey_console") ?? "";
    const rows = await instance.db.query<{ token_hash: string }>(
      "SELECT token_hash FROM console_sessions",
    );
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it("refuses a wrong credential with 401, records it, and changes nothing", async () => {
    const browser = consoleBrowser(instance);
    const answer = await browser.signIn("sk_test_notTheInstanceKey0123456789", "Mallory");
    expect(answer.status).toBe(401);
    expect(answer.html).toContain("neither the secret key nor the console password");
    expect(browser.cookies.has("latchkey_console")).toBe(false);
    const { entries } = await instance.store.listConsoleAudit({ limit: 1, offset: 0 });
    expect(entries[0]).toMatchObject({ actor: "Mallory", action: "console.sign_in_failed" });
  });

  it("refuses form posts without the session's CSRF token, with nothing changed", async () => {
    const { body: user } = await instance.call("POST", "/v1/users", {
      body: { email_address: ["csrf@example.com"] },
    });
    const browser = consoleBrowser(instance);
    await browser.signIn();
    await browser.get(`/console/users/${user.id}`);
    for (const csrf of [null, "forged", browser.csrf()?.slice(1) ?? ""]) {
      const answer = await browser.post(`/console/users/${user.id}/ban`, {}, { csrf });
      expect(answer.status).toBe(403);
    }
    // Another session's token does not work either.
    const other = consoleBrowser(instance);
    await other.signIn();
    await other.get("/console");
    const crossed = await browser.post(`/console/users/${user.id}/ban`, {}, { csrf: other.csrf() });
    expect(crossed.status).toBe(403);
    expect((await instance.call("GET", `/v1/users/${user.id}`)).body.banned).toBe(false);
  });

  it("refuses posts from other origins and any cross-site request", async () => {
    const { body: user } = await instance.call("POST", "/v1/users", {
      body: { email_address: ["origin@example.com"] },
    });
    const browser = consoleBrowser(instance);
    await browser.signIn();
    await browser.get(`/console/users/${user.id}`);
    const foreign = await browser.post(
      `/console/users/${user.id}/ban`,
      {},
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const noOrigin = await browser.post(`/console/users/${user.id}/ban`, {}, { origin: null });
    expect(noOrigin.status).toBe(403);
    const crossSite = await browser.get("/console/users", { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    // A sign-in posted from another site is refused before the credential is looked at.
    const signIn = await consoleBrowser(instance).post(
      "/console/sign-in",
      { credential: TEST_SECRET_KEY },
      { origin: "https://evil.example", csrf: null },
    );
    expect(signIn.status).toBe(403);
    expect((await instance.call("GET", `/v1/users/${user.id}`)).body.banned).toBe(false);
  });

  it("ends a session after the idle timeout, and at sign-out", async () => {
    const browser = consoleBrowser(instance);
    await browser.signIn();
    expect((await browser.get("/console")).status).toBe(200);
    instance.clock.advance(14 * 60_000);
    expect((await browser.get("/console")).status).toBe(200);
    instance.clock.advance(15 * 60_000 + 1);
    expect((await browser.get("/console")).location).toBe("/console/sign-in");
    // Gone for good: a request after it does not revive it.
    expect((await browser.get("/console")).location).toBe("/console/sign-in");

    const again = consoleBrowser(instance);
    await again.signIn();
    await again.get("/console");
    const out = await again.post("/console/sign-out");
    expect(out.location).toBe("/console/sign-in");
    expect((await again.get("/console")).location).toBe("/console/sign-in");
  });

  it("signs in with the console password, kept only as an argon2id hash", async () => {
    await expect(setConsolePassword(instance.store, "short")).rejects.toThrow(
      String(CONSOLE_PASSWORD_MIN_LENGTH),
    );
    await setConsolePassword(instance.store, "correct horse battery staple");
    const stored = await instance.store.getInstanceValue("console_password");
    expect(stored).toMatch(/^\$argon2id\$/);
    const browser = consoleBrowser(instance);
    expect((await browser.signIn("correct horse battery stapler")).status).toBe(401);
    const answer = await browser.signIn("correct horse battery staple", "Grace");
    expect(answer.status).toBe(303);
    expect((await browser.get("/console")).html).toContain("Grace (console password)");
  });

  it("sends the console's security headers", async () => {
    const answer = await consoleBrowser(instance).get("/console/sign-in");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(answer.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("limits failed sign-ins per address", async () => {
    const browser = consoleBrowser(instance);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await browser.signIn("wrong password!!")).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // The limit slows down guessing; the right key still signs in.
    expect((await browser.signIn()).status).toBe(303);
  });
});

describe("console when not enabled", () => {
  const instance = useTestInstance();

  it("is not served", async () => {
    const answer = await instance.fetch("/console/sign-in");
    expect(answer.status).toBe(404);
    const post = await instance.fetch("/console/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `credential=${TEST_SECRET_KEY}`,
    });
    expect(post.status).toBe(404);
  });
});
