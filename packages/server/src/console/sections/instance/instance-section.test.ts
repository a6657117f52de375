import { describe, expect, it } from "vitest";
import { consoleBrowser } from "../../../../test/console-browser.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";
import { DEFAULT_PUBLISH_DELAY_MS } from "../../../tokens/signing-key-ring.js";

const facts = {
  instanceType: "production" as const,
  frontendApiUrl: "https://auth.example.com/__clerk",
  publishableKey: "pk_live_YXV0aC5leGFtcGxlLmNvbS9fX2NsZXJrJA",
  allowedOrigins: ["https://app.example.com", "https://admin.example.com"],
  mailTransport: "smtp (smtp.example.com:587)",
};

describe("console keys & instance", () => {
  const instance = useTestInstance({ console: { facts } });

  const signedIn = async () => {
    const browser = consoleBrowser(instance);
    await browser.signIn(undefined, "Ada");
    await browser.get("/console/instance");
    return browser;
  };
  const audit = async () => instance.store.listConsoleAudit({ limit: 100, offset: 0 });
  const jwksKids = async () =>
    ((await instance.call("GET", "/v1/jwks")).body.keys as Array<{ kid: string }>).map(
      (k) => k.kid,
    );

  it("shows the keys, the instance's settings and an app's environment, the secret key masked", async () => {
    const browser = await signedIn();
    const page = await browser.get("/console/instance");
    expect(page.status).toBe(200);
    const [kid] = await jwksKids();
    expect(page.html).toContain(`<code>${kid}</code>`);
    expect(page.html).toContain("RS256 (RSA, sig)");
    expect(page.html).toContain("Signing now");
    for (const text of [...facts.allowedOrigins, facts.mailTransport, facts.publishableKey]) {
      expect(page.html).toContain(text);
    }
    expect(page.html).toContain(`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${facts.publishableKey}`);
    expect(page.html).toContain("CLERK_API_URL=http://localhost");
    expect(page.html).toContain("CLERK_SECRET_KEY=sk_test_••••••••6789");
    expect(page.html).not.toContain(TEST_SECRET_KEY);
  });

  it("reveals the secret key only in the answer to the form, recorded without it", async () => {
    const browser = await signedIn();
    const before = (await audit()).total;
    const refused = await browser.post("/console/instance/secret-key", {}, { csrf: null });
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain(TEST_SECRET_KEY);
    expect((await audit()).total).toBe(before);

    const revealed = await browser.post("/console/instance/secret-key");
    expect(revealed.status).toBe(200);
    expect(revealed.html).toContain(`CLERK_SECRET_KEY=${TEST_SECRET_KEY}`);
    expect(revealed.headers.get("cache-control")).toBe("no-store");
    const { entries, total } = await audit();
    expect(total).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      actor: "Ada (secret key)",
      action: "instance.secret_key_revealed",
      targetId: null,
    });
    expect(JSON.stringify(entries)).not.toContain(TEST_SECRET_KEY);
    for (const path of ["/console/instance", "/console/audit", "/console"]) {
      expect((await browser.get(path)).html).not.toContain(TEST_SECRET_KEY);
    }
  });

  it("rotates now: the new key published at once, signing only after the publish delay", async () => {
    const browser = await signedIn();
    const [old] = await jwksKids();
    const refused = await browser.post("/console/instance/rotate-key", {}, { csrf: null });
    expect(refused.status).toBe(403);
    expect(await jwksKids()).toEqual([old]);

    const rotated = await browser.post("/console/instance/rotate-key");
    expect(rotated.location).toBe("/console/instance");
    const kids = await jwksKids();
    expect(kids).toHaveLength(2);
    const fresh = kids.find((kid) => kid !== old);
    const { entries } = await audit();
    expect(entries[0]).toMatchObject({
      actor: "Ada (secret key)",
      action: "instance.signing_key_rotated",
      targetId: fresh,
      detail: { active_at: instance.clock.now() + DEFAULT_PUBLISH_DELAY_MS },
    });
    const page = await browser.get("/console/instance");
    expect(page.html).toContain(`Key ${fresh} is published now`);
    expect(page.html).toContain("Published, not signing yet");
    expect((await instance.signingKeys.timeline()).signingKid).toBe(old);

    // A second rotation while the new key waits is refused, and adds no key.
    await browser.post("/console/instance/rotate-key");
    expect((await browser.get("/console/instance")).html).toContain('class="flash error"');
    expect(await jwksKids()).toHaveLength(2);
    expect((await audit()).entries[0]?.action).toBe("instance.signing_key_rotated");

    instance.clock.advance(DEFAULT_PUBLISH_DELAY_MS);
    expect((await instance.signingKeys.timeline()).signingKid).toBe(fresh);
    const after = await browser.get("/console/instance");
    expect(after.html).toMatch(new RegExp(`${fresh}</code></th>(?:(?!</tr>).)*Signing now`, "s"));
    // The old key stays published for the tokens it signed.
    expect(await jwksKids()).toEqual(expect.arrayContaining([old, fresh]));
  });
});
