import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnCli } from "../test/spawn-cli.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "./dev/local-oidc-provider.js";

const SECRET = "cli-provider-secret-never-printed";

describe("latchkey start --oauth", () => {
  let provider: LocalOidcProvider;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-cli-oauth-"));
    provider = await startLocalOidcProvider({
      port: 0,
      clients: [
        {
          clientId: "cli",
          clientSecret: SECRET,
          redirectUris: ["http://localhost:3000/__clerk/v1/oauth_callback"],
        },
      ],
      users: [
        { sub: "a", email: "a@local.test", emailVerified: true, givenName: "A", familyName: "B" },
      ],
    });
  });
  afterAll(async () => {
    await provider?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("offers the connections given by flag, environment and file, and never prints their secrets", async () => {
    const oauthFile = join(dir, "oauth.json");
    await writeFile(
      oauthFile,
      JSON.stringify({
        connections: [{ provider: "microsoft", clientId: "ms", clientSecretEnv: "MS_SECRET" }],
      }),
    );
    const cli = await spawnCli(
      [
        "--data-dir",
        join(dir, "a"),
        "--oauth",
        `custom_local:cli:${SECRET}@${provider.issuer}`,
        "--oauth-callback-url",
        "http://localhost:3000/__clerk/v1/oauth_callback",
      ],
      {
        LATCHKEY_OAUTH: "github:gh-client:gh-secret-never-printed",
        LATCHKEY_OAUTH_FILE: oauthFile,
        MS_SECRET: "ms-secret-never-printed",
      },
    );
    try {
      expect(cli.output()).toContain(
        "Social sign-in: oauth_custom_local, oauth_github, oauth_microsoft",
      );
      expect(cli.output()).not.toContain("ms-secret-never-printed");
      expect(cli.output()).not.toContain(SECRET);
      expect(cli.output()).not.toContain("gh-secret-never-printed");
      const environment = await (await fetch(`${cli.url}/__clerk/v1/environment`)).json();
      expect(Object.keys(environment.user_settings.social)).toEqual([
        "oauth_custom_local",
        "oauth_github",
        "oauth_microsoft",
      ]);
      const started = await fetch(`${cli.url}/__clerk/v1/client/sign_ins`, {
        method: "POST",
        headers: {
          Origin: "http://localhost:3000",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          strategy: "oauth_custom_local",
          redirect_url: "http://localhost:3000/sso-callback",
        }),
      });
      const url = new URL(
        (await started.json()).response.first_factor_verification
          .external_verification_redirect_url,
      );
      expect(url.origin).toBe(provider.issuer);
      expect(url.searchParams.get("redirect_uri")).toBe(
        "http://localhost:3000/__clerk/v1/oauth_callback",
      );
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.toString()).not.toContain(SECRET);
    } finally {
      await cli.stop();
    }
  }, 60_000);

  it("refuses a malformed spec by name, without echoing the secret", async () => {
    const error = await spawnCli([
      "--data-dir",
      join(dir, "b"),
      "--oauth",
      `gogle:id:${SECRET}`,
    ]).catch((e: Error) => e.message);
    expect(String(error)).toMatch(/exited early[\s\S]*provider/i);
    expect(String(error)).not.toContain(SECRET);
  }, 60_000);
});
