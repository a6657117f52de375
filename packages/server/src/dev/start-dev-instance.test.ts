import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../logger.js";
import { parseDevConfig } from "./dev-config.js";
import { startDevInstance } from "./start-dev-instance.js";

const work = mkdtempSync(join(tmpdir(), "latchkey-dev-instance-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const config = parseDevConfig({
  jwtTemplates: [{ name: "backend", claims: { email: "{{user.primary_email_address}}" } }],
  webhooks: [{ path: "/api/webhooks", description: "the app's events" }],
  env: { NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in" },
});

describe("startDevInstance", () => {
  it("sets up the app's templates and webhook endpoint once, and keeps a kept .env.local valid", async () => {
    const dataDir = join(work, "data");
    const appUrl = "http://localhost:3999";
    const first = await startDevInstance({
      port: 0,
      dataDir,
      appUrl,
      config,
      logger: silentLogger,
    });
    const { instance, env } = first;
    try {
      expect(env).toEqual({
        CLERK_SECRET_KEY: instance.secretKey,
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
        CLERK_API_URL: instance.publicUrl,
        CLERK_WEBHOOK_SIGNING_SECRET: expect.stringMatching(/^whsec_/),
        NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
      });
      expect((await instance.store.getJwtTemplateByName("backend"))?.claims).toEqual({
        email: "{{user.primary_email_address}}",
      });
      const endpoints = await instance.store.listWebhookEndpoints({ limit: 10, offset: 0 });
      expect(endpoints.data.map((endpoint) => [endpoint.url, endpoint.description])).toEqual([
        ["http://localhost:3999/api/webhooks", "the app's events"],
      ]);
    } finally {
      await instance.close();
    }

    // The data is wiped; the kept .env.local's secret key and webhook secret still hold.
    const again = await startDevInstance({
      port: 0,
      dataDir: join(work, "wiped"),
      appUrl,
      config,
      keptEnv: env,
      logger: silentLogger,
    });
    try {
      expect(again.env.CLERK_SECRET_KEY).toBe(env.CLERK_SECRET_KEY);
      expect(again.env.CLERK_WEBHOOK_SIGNING_SECRET).toBe(env.CLERK_WEBHOOK_SIGNING_SECRET);
      expect(await again.instance.store.countJwtTemplates()).toBe(1);
    } finally {
      await again.instance.close();
    }
  }, 60_000);

  it("gives an app on Clerk's own SDK its Frontend API proxy variables (frontendApiProxy)", async () => {
    const { instance, env } = await startDevInstance({
      port: 0,
      dataDir: join(work, "proxied"),
      appUrl: "http://localhost:3999",
      config: parseDevConfig({ frontendApiProxy: "/__clerk" }),
      logger: silentLogger,
    });
    try {
      expect(env).toEqual({
        CLERK_SECRET_KEY: instance.secretKey,
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
        CLERK_API_URL: instance.publicUrl,
        CLERK_FAPI_URL: instance.frontendApiUrl,
        NEXT_PUBLIC_CLERK_PROXY_URL: "/__clerk",
      });
      // Where Clerk's proxy forwards to answers as the Frontend API.
      const response = await fetch(`${env.CLERK_FAPI_URL}/v1/environment`);
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty("auth_config");
    } finally {
      await instance.close();
    }
  }, 60_000);

  it("starts the local sign-in provider a config asks for, offers it, and stops it with the instance", async () => {
    const { instance } = await startDevInstance({
      port: 0,
      dataDir: join(work, "social"),
      appUrl: "http://localhost:3998",
      config: parseDevConfig({
        oauth: { localProvider: { users: [{ email: "ada@local.test", firstName: "Ada" }] } },
      }),
      logger: silentLogger,
    });
    let issuer = "";
    try {
      const environment = await (await fetch(`${instance.frontendApiUrl}/v1/environment`)).json();
      expect(environment.user_settings.social).toEqual({
        oauth_custom_local: expect.objectContaining({ name: "Local provider", enabled: true }),
      });
      const signIn = await fetch(`${instance.frontendApiUrl}/v1/client/sign_ins`, {
        method: "POST",
        headers: {
          Origin: "http://localhost:3998",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          strategy: "oauth_custom_local",
          redirect_url: "http://localhost:3998/sso-callback",
        }),
      });
      expect(signIn.status).toBe(200);
      const url = new URL(
        (await signIn.json()).response.first_factor_verification.external_verification_redirect_url,
      );
      // The provider knows the app's proxied callback, and is up.
      expect(url.searchParams.get("redirect_uri")).toBe(
        "http://localhost:3998/__clerk/v1/oauth_callback",
      );
      issuer = url.origin;
      expect((await fetch(`${issuer}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      await instance.close();
    }
    await expect(fetch(`${issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  }, 60_000);

  it("refuses a template the Backend API refuses, and stops the instance it started", async () => {
    const dataDir = join(work, "refused");
    const reserved = parseDevConfig({ jwtTemplates: [{ name: "bad", claims: { sub: "x" } }] });
    const error = await startDevInstance({
      port: 0,
      dataDir,
      appUrl: "http://localhost:3999",
      config: reserved,
      logger: silentLogger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "jwt-template-refused" });
    expect((error as Error).message).toContain('"bad"');
    // Closed: the data folder can be opened again at once.
    const { instance } = await startDevInstance({
      port: 0,
      dataDir,
      appUrl: "http://localhost:3999",
      config: parseDevConfig({}),
      logger: silentLogger,
    });
    await instance.close();
  }, 60_000);
});
