import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOAuthConnections } from "./load-oauth-connections.js";

const dir = mkdtempSync(join(tmpdir(), "latchkey-oauth-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(content: unknown): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("loadOAuthConnections (latchkey start --oauth-file)", () => {
  it("reads each provider, with secrets inline or from the environment", () => {
    const connections = loadOAuthConnections(
      file({
        connections: [
          { provider: "google", clientId: "g-id", clientSecretEnv: "GOOGLE_SECRET" },
          { provider: "github", clientId: "gh-id", clientSecret: "gh-secret", name: "GitHub SSO" },
          {
            provider: "custom_acme",
            clientId: "a-id",
            clientSecret: "a-secret",
            issuer: "https://login.acme.test",
            scopes: ["openid", "email"],
          },
        ],
      }),
      { GOOGLE_SECRET: "from-env" },
    );
    expect(connections.map((c) => [c.strategy, c.name, c.clientId, c.clientSecret])).toEqual([
      ["oauth_google", "Google", "g-id", "from-env"],
      ["oauth_github", "GitHub SSO", "gh-id", "gh-secret"],
      ["oauth_custom_acme", "acme", "a-id", "a-secret"],
    ]);
    expect(connections[2]?.issuer).toBe("https://login.acme.test");
    expect(connections[2]?.scopes).toEqual(["openid", "email"]);
  });

  it("names the file and the bad field, never a secret", () => {
    const refusal = (content: unknown, env: Record<string, string> = {}) => {
      try {
        loadOAuthConnections(file(content), env);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refusal("{not json")).toMatch(/not a readable JSON file/);
    expect(
      refusal({ connections: [{ provider: "gogle", clientId: "x", clientSecret: "s3cr3t" }] }),
    ).toMatch(/connections\.0\.provider: must be google/);
    const both = refusal({
      connections: [
        { provider: "google", clientId: "x", clientSecret: "s3cr3t", clientSecretEnv: "X" },
      ],
    });
    expect(both).toMatch(/clientSecret or clientSecretEnv/);
    expect(both).not.toContain("s3cr3t");
    expect(
      refusal({ connections: [{ provider: "custom_a", clientId: "x", clientSecret: "s" }] }),
    ).toMatch(/issuer is required/);
    expect(
      refusal({
        connections: [{ provider: "google", clientId: "x", clientSecretEnv: "UNSET_SECRET" }],
      }),
    ).toMatch(/UNSET_SECRET is not set/);
    expect(refusal({ connections: [] })).toMatch(/connections/);
  });
});
