import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClerkAPIResponseError, createClerkClient, verifyToken } from "@latchkey/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../test/skip-when.js";
import { freshPostgresDatabase } from "../test/fresh-postgres-database.js";
import { type SpawnedCli, spawnCli } from "../test/spawn-cli.js";

const databaseUrl = process.env.DATABASE_URL;

interface Storage {
  label: string;
  skipReason: string | undefined;
  prepare(): Promise<{ args: string[]; dispose(): Promise<void> }>;
}

const storages: Storage[] = [
  {
    label: "PGlite (--data-dir)",
    skipReason: undefined,
    async prepare() {
      const dir = await mkdtemp(join(tmpdir(), "latchkey-cli-"));
      return {
        args: ["--data-dir", dir],
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    label: "PostgreSQL (--database-url)",
    skipReason: databaseUrl ? undefined : "DATABASE_URL is not set",
    async prepare() {
      const database = await freshPostgresDatabase(databaseUrl ?? "");
      return { args: ["--database-url", database.url], dispose: () => database.drop() };
    },
  },
];

for (const storage of storages) {
  const title = `latchkey start on ${storage.label}${storage.skipReason ? ` — skipped: ${storage.skipReason}` : ""}`;
  describe(title, skipWhen(storage.skipReason), () => {
    let prepared: Awaited<ReturnType<Storage["prepare"]>>;
    let cli: SpawnedCli;

    beforeAll(async () => {
      prepared = await storage.prepare();
      cli = await spawnCli(prepared.args);
    }, 120_000);

    afterAll(async () => {
      await cli?.stop();
      await prepared?.dispose();
    });

    it("prints the lines an app's .env.local needs", () => {
      expect(cli.secretKey).toMatch(/^sk_test_/);
      const frontendApi = Buffer.from(
        cli.publishableKey.replace(/^pk_test_/, ""),
        "base64",
      ).toString("utf8");
      // Clerk's SDKs need a dot in the key's host: `localhost` is named by its address.
      expect(frontendApi).toBe(`127.0.0.1:${new URL(cli.url).port}/__clerk$`);
    });

    it("serves the Backend API to @latchkey/backend over HTTP, and its tokens verify via JWKS", async () => {
      const apiUrl = cli.url;
      const clerk = createClerkClient({ secretKey: cli.secretKey, apiUrl });
      const user = await clerk.users.createUser({
        emailAddress: ["grace@example.com"],
        password: "a-long-and-unusual-passphrase",
        firstName: "Grace",
      });
      expect((await clerk.users.getUser(user.id)).firstName).toBe("Grace");
      const list = await clerk.users.getUserList({ emailAddress: ["grace@example.com"] });
      expect([list.totalCount, list.data[0]?.id]).toEqual([1, user.id]);
      await clerk.users.updateUserMetadata(user.id, { publicMetadata: { plan: "pro" } });

      const session = await clerk.sessions.createSession({ userId: user.id });
      const { jwt } = await clerk.sessions.getToken(session.id);
      const claims = await verifyToken(jwt, { secretKey: cli.secretKey, apiUrl });
      expect([claims.sub, claims.sid]).toEqual([user.id, session.id]);

      await clerk.jwtTemplates.create({
        name: "cli-test",
        claims: { email: "{{user.primary_email_address}}", plan: "{{user.public_metadata.plan}}" },
      });
      const template = await clerk.sessions.getToken(session.id, "cli-test");
      const templated = await verifyToken(template.jwt, { secretKey: cli.secretKey, apiUrl });
      expect([templated.email, templated.plan]).toEqual(["grace@example.com", "pro"]);
    });

    it("refuses a wrong secret key with a coded 401 and changes nothing", async () => {
      const intruder = createClerkClient({
        secretKey: "sk_test_notTheInstanceKey1234",
        apiUrl: cli.url,
      });
      const error = await intruder.users.getCount().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClerkAPIResponseError);
      expect((error as ClerkAPIResponseError).status).toBe(401);
      expect((error as ClerkAPIResponseError).errors[0]?.code).toBe("authentication_invalid");
    });

    it("shuts down on SIGTERM and keeps keys and data across a restart", async () => {
      const clerk = createClerkClient({ secretKey: cli.secretKey, apiUrl: cli.url });
      const before = await clerk.jwks.getJWKS();
      const count = await clerk.users.getCount();
      expect(await cli.stop()).toBe(0);

      cli = await spawnCli(prepared.args);
      const again = createClerkClient({ secretKey: cli.secretKey, apiUrl: cli.url });
      expect(await again.users.getCount()).toBe(count);
      expect((await again.jwks.getJWKS()).keys.map((k) => k.kid)).toEqual(
        before.keys.map((k) => k.kid),
      );
    }, 120_000);
  });
}
