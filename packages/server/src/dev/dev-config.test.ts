import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDevConfig, parseDevConfig } from "./dev-config.js";
import { DevSetupError } from "./dev-setup-error.js";

const work = mkdtempSync(join(tmpdir(), "latchkey-dev-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The error `parseDevConfig` throws for `value`. */
function refusal(value: unknown): DevSetupError {
  try {
    parseDevConfig(value);
  } catch (error) {
    if (error instanceof DevSetupError) return error;
    throw error;
  }
  throw new Error("the config was accepted");
}

describe("parseDevConfig", () => {
  it("fills in defaults: nothing to set up, the usual webhook secret variable", () => {
    expect(parseDevConfig({})).toEqual({ jwtTemplates: [], webhooks: [], env: {} });
    const config = parseDevConfig({ webhooks: [{ path: "/api/webhooks" }] });
    expect(config.webhooks).toEqual([
      { path: "/api/webhooks", signingSecretEnv: "CLERK_WEBHOOK_SIGNING_SECRET" },
    ]);
  });

  it("keeps templates, webhooks and env as given", () => {
    const config = {
      $schema: "./schema.json",
      jwtTemplates: [{ name: "backend", claims: { org: "{{org.slug}}" }, lifetime: 120 }],
      webhooks: [{ path: "/hooks", signingSecretEnv: "HOOK_SECRET", eventTypes: ["user.created"] }],
      env: { NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in" },
    };
    expect(parseDevConfig(config)).toEqual(config);
  });

  it("names the bad field and what is wrong with it, with a code", () => {
    const error = refusal({ webhooks: [{ path: "api/webhooks" }] });
    expect(error.code).toBe("config-invalid");
    expect(error.field).toBe("webhooks[0].path");
    expect(error.message).toBe(
      'latchkey.dev.json: webhooks[0].path: must start with "/", e.g. "/api/webhooks".',
    );
    expect(refusal({ jwtTemplates: [{ name: "x", claims: "email" }] }).field).toBe(
      "jwtTemplates[0].claims",
    );
    expect(refusal({ env: { "not-a-name": "x" } }).field).toBe("env.not-a-name");
    expect(refusal([]).field).toBe("(the whole file)");
  });

  it("refuses unknown fields, listing the known ones", () => {
    const top = refusal({ webhook: [] });
    expect(top.field).toBe("webhook");
    expect(top.message).toContain(
      "not a field here (known: frontendApiProxy, oauth, jwtTemplates, webhooks, env)",
    );
    const nested = refusal({ jwtTemplates: [{ name: "x", claims: {}, lifetme: 60 }] });
    expect(nested.field).toBe("jwtTemplates[0].lifetme");
    expect(nested.message).toContain("known: name, claims, lifetime");
  });

  it("takes a local sign-in provider's people, and names a bad one", () => {
    const config = parseDevConfig({
      oauth: { localProvider: { users: [{ email: "ada@local.test", firstName: "Ada" }] } },
    });
    expect(config.oauth?.localProvider).toEqual({
      name: "Local provider",
      users: [{ email: "ada@local.test", firstName: "Ada", lastName: "", emailVerified: true }],
    });
    expect(refusal({ oauth: { localProvider: { users: [{ email: "ada" }] } } }).field).toBe(
      "oauth.localProvider.users[0].email",
    );
    expect(refusal({ oauth: { localProvider: { users: [] } } }).message).toContain(
      "at least one person",
    );
    expect(refusal({ oauth: { github: {} } }).message).toContain("known: localProvider");
  });

  it("refuses a template name or a secret variable given twice, and the instance's variables", () => {
    const template = { name: "backend", claims: {} };
    expect(refusal({ jwtTemplates: [template, template] }).field).toBe("jwtTemplates[1].name");
    const hooks = [{ path: "/a" }, { path: "/b" }];
    expect(refusal({ webhooks: hooks }).field).toBe("webhooks[1].signingSecretEnv");
    const env = refusal({ env: { CLERK_SECRET_KEY: "sk_test_mine" } });
    expect(env.field).toBe("env.CLERK_SECRET_KEY");
    expect(env.message).toContain("latchkey dev sets this from the running instance");
    expect(
      refusal({ webhooks: [{ path: "/a" }], env: { CLERK_WEBHOOK_SIGNING_SECRET: "x" } }).field,
    ).toBe("env.CLERK_WEBHOOK_SIGNING_SECRET");
  });
});

describe("parseDevConfig: frontendApiProxy", () => {
  it("takes a path on the app, and refuses anything else", () => {
    expect(parseDevConfig({ frontendApiProxy: "/__clerk" }).frontendApiProxy).toBe("/__clerk");
    expect(parseDevConfig({}).frontendApiProxy).toBeUndefined();
    for (const bad of ["__clerk", "/", "/__clerk/", "http://app/__clerk", "/__clerk?x=1"]) {
      const error = refusal({ frontendApiProxy: bad });
      expect(error.field).toBe("frontendApiProxy");
      expect(error.message).toContain('must be a path on the app, e.g. "/__clerk"');
    }
  });

  it("refuses the variables it writes in env, only when it is set", () => {
    const error = refusal({ frontendApiProxy: "/__clerk", env: { CLERK_FAPI_URL: "http://x" } });
    expect(error.field).toBe("env.CLERK_FAPI_URL");
    expect(error.message).toContain("latchkey dev sets this from frontendApiProxy");
    expect(
      refusal({ frontendApiProxy: "/__clerk", env: { NEXT_PUBLIC_CLERK_PROXY_URL: "/p" } }).field,
    ).toBe("env.NEXT_PUBLIC_CLERK_PROXY_URL");
    expect(parseDevConfig({ env: { NEXT_PUBLIC_CLERK_PROXY_URL: "/p" } }).env).toEqual({
      NEXT_PUBLIC_CLERK_PROXY_URL: "/p",
    });
  });
});

describe("loadDevConfig", () => {
  it("takes a missing file as an empty config, unless it was asked for", () => {
    const missing = join(work, "none.json");
    expect(loadDevConfig(missing)).toEqual({ jwtTemplates: [], webhooks: [], env: {} });
    expect(() => loadDevConfig(missing, { required: true })).toThrow(
      expect.objectContaining({ code: "config-unreadable" }),
    );
  });

  it("says when the file is not JSON, and names the file in field errors", () => {
    const broken = join(work, "broken.json");
    writeFileSync(broken, "{ webhooks: [] }");
    expect(() => loadDevConfig(broken)).toThrow(
      expect.objectContaining({
        code: "config-unreadable",
        message: expect.stringContaining("is not valid JSON"),
      }),
    );
    const bad = join(work, "bad.json");
    writeFileSync(bad, JSON.stringify({ env: { PORT: 3000 } }));
    expect(() => loadDevConfig(bad)).toThrow(`${bad}: env.PORT:`);
  });
});
