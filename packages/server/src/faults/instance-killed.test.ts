/**
 * Faults: the instance process is killed with SIGKILL (no shutdown at all) while users are being
 * created and while a webhook delivery is in flight — the receiver is holding its answer. After a
 * restart nothing acknowledged is lost: every user answered 200 is there, with its `user.created`
 * event (and no event without its user), and the event whose delivery was cut off is delivered
 * once the dead process's lease expires (the worker is run in process with a clock past the
 * lease: the CLI's lease is 75 s). On PGlite the data directory must reopen cleanly after the kill.
 * The PostgreSQL case needs `DATABASE_URL` (it makes a fresh database next to it).
 */

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { freshPostgresDatabase } from "../../test/fresh-postgres-database.js";
import { spawnCli } from "../../test/spawn-cli.js";
import { silentLogger } from "../logger.js";
import { migrate } from "../store/migrate.js";
import { openDatabase } from "../store/open-store.js";
import { createSqlStore } from "../store/sql-store.js";
import { startWebhookWorker } from "../webhooks/start-webhook-worker.js";
import { webhookEventData } from "../wire/webhook-event-data.js";

const databaseUrl = process.env.DATABASE_URL;
const WEBHOOK_SECRET = `whsec_${Buffer.from("latchkey-fault-test-secret-0123").toString("base64")}`;

/** A webhook receiver that holds every request until told to answer (then answers 200 at once). */
async function startReceiver() {
  const received: Array<{ svixId: string; type: string; userId: string }> = [];
  const held: ServerResponse[] = [];
  let holding = true;
  let onFirst: () => void = () => {};
  const first = new Promise<void>((resolve) => {
    onFirst = resolve;
  });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const event = JSON.parse(text) as { type: string; data: { id: string } };
      received.push({
        svixId: String(request.headers["svix-id"]),
        type: event.type,
        userId: event.data.id,
      });
      onFirst();
      if (holding) held.push(response);
      else response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    first,
    answerFromNowOn() {
      holding = false;
    },
    async close() {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Storage {
  label: string;
  skipReason: string | undefined;
  prepare(): Promise<
    { args: string[]; open: { dataDir?: string; databaseUrl?: string } } & {
      dispose(): Promise<void>;
    }
  >;
}

const storages: Storage[] = [
  {
    label: "PGlite (--data-dir)",
    skipReason: undefined,
    async prepare() {
      const dir = await mkdtemp(join(tmpdir(), "latchkey-kill-"));
      return {
        args: ["--data-dir", dir],
        open: { dataDir: dir },
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    label: "PostgreSQL (--database-url)",
    skipReason: databaseUrl ? undefined : "DATABASE_URL is not set",
    async prepare() {
      const database = await freshPostgresDatabase(databaseUrl ?? "");
      return {
        args: ["--database-url", database.url],
        open: { databaseUrl: database.url },
        dispose: () => database.drop(),
      };
    },
  },
];

for (const storage of storages) {
  const title = `faults: SIGKILL of the instance on ${storage.label}${storage.skipReason ? ` — skipped: ${storage.skipReason}` : ""}`;
  describe(title, skipWhen(storage.skipReason), () => {
    const cleanups: Array<() => Promise<unknown>> = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    });

    it("loses no acknowledged user or event, and delivers the cut-off webhook after restart", {
      timeout: 120_000,
    }, async () => {
      const prepared = await storage.prepare();
      cleanups.push(() => prepared.dispose());
      const receiver = await startReceiver();
      cleanups.push(() => receiver.close());
      const cli = await spawnCli([...prepared.args, "--webhook", receiver.url], {
        LATCHKEY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      });
      cleanups.push(() => cli.kill("SIGKILL"));
      const createUser = (n: number) =>
        fetch(`${cli.url}/v1/users`, {
          method: "POST",
          headers: { Authorization: `Bearer ${cli.secretKey}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            email_address: [`killed${n}@example.com`],
            password: "purple-Elephant-42-dances",
          }),
        }).then(async (response) => ({ status: response.status, body: await response.json() }));

      // A user whose user.created delivery is in flight, held by the receiver, when the kill comes.
      const first = await createUser(0);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      await receiver.first;
      expect(receiver.received[0]).toMatchObject({ type: "user.created", userId: first.body.id });

      // Then a burst of creations, killed as soon as the first of them is acknowledged.
      const acknowledged: string[] = [first.body.id];
      const burst = Array.from({ length: 8 }, (_, i) =>
        createUser(i + 1).then(
          (answer) => {
            if (answer.status === 200) acknowledged.push(answer.body.id);
            return answer.status;
          },
          () => "cut off" as const,
        ),
      );
      await Promise.race(burst);
      await cli.kill("SIGKILL");
      const outcomes = await Promise.all(burst);
      for (const outcome of outcomes) expect([200, "cut off"]).toContain(outcome);

      // Restart: the database opens (PGlite: the directory reopens after the kill) and migrates.
      receiver.answerFromNowOn();
      const afterLease = { now: () => Date.now() + 10 * 60_000 };
      const db = await openDatabase(prepared.open);
      cleanups.push(() => db.close());
      await migrate(db);
      const store = createSqlStore(db, { clock: afterLease, renderEventData: webhookEventData() });
      for (const id of acknowledged) expect((await store.getUser(id))?.id).toBe(id);
      const [consistency] = await db.query<{ users: number; events: number; orphans: number }>(
        `SELECT (SELECT count(*)::int FROM users) AS users,
                (SELECT count(*)::int FROM webhook_outbox WHERE event_type = 'user.created') AS events,
                (SELECT count(*)::int FROM webhook_outbox o WHERE event_type = 'user.created'
                   AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = o.payload->'data'->>'id')) AS orphans`,
      );
      expect(consistency?.users).toBeGreaterThanOrEqual(acknowledged.length);
      expect(consistency).toEqual({
        users: consistency?.users,
        events: consistency?.users,
        orphans: 0,
      });

      // The cut-off delivery is sent again once the dead process's lease has expired.
      const worker = startWebhookWorker({
        store,
        clock: afterLease,
        logger: silentLogger,
        pollIntervalMs: null,
      });
      for (let cycle = 0; cycle < 5 && (await worker.runOnce()) > 0; cycle++) {}
      await worker.stop();
      const heldId = receiver.received[0]?.svixId;
      expect(receiver.received.filter((r) => r.svixId === heldId).length).toBeGreaterThanOrEqual(2);
      const delivered = new Set(receiver.received.map((r) => r.userId));
      for (const id of acknowledged) expect(delivered).toContain(id);
      const [undelivered] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status <> 'succeeded'`,
      );
      expect(undelivered?.n).toBe(0);
    });
  });
}
