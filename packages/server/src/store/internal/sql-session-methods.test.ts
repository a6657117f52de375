import { beforeEach, describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import { ApiError } from "../../errors/api-error.js";
import { createSession } from "../../flows/sessions/create-session.js";
import { endSession } from "../../flows/sessions/end-session.js";
import type { Database } from "../database.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

const START = 1_767_225_600_000;
const DAY = 86_400_000;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function outbox(db: Database) {
  const rows = await db.query<{
    event_type: string;
    payload: { data: { id: string; status: string } };
  }>(
    "SELECT event_type, payload FROM webhook_outbox WHERE event_type LIKE 'session.%' ORDER BY seq",
  );
  return rows.map((row) => ({
    type: row.event_type,
    id: row.payload.data.id,
    status: row.payload.data.status,
  }));
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Session store", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;
    const limits = () => ({ expireAt: clock.now() + 7 * DAY, abandonAt: clock.now() + 30 * DAY });
    let userId: string;

    beforeEach(async () => {
      userId = (await ctx.store.createUser({ firstName: "Ada" })).id;
    });

    it("creates an active session on a new client and emits session.created with its JSON", async () => {
      const session = (await createSession(ctx.store, { userId, ...limits() })).session;
      expect(session).toMatchObject({
        userId,
        status: "active",
        actor: null,
        lastActiveOrganizationId: null,
        lastActiveAt: START,
        firstFactorVerifiedAt: START,
        secondFactorVerifiedAt: null,
        expireAt: START + 7 * DAY,
        createdAt: START,
      });
      expect(session.id).toMatch(/^sess_/);
      expect(session.clientId).toMatch(/^client_/);
      const client = await ctx.store.getClient(session.clientId);
      expect(client?.lastActiveSessionId).toBe(session.id);
      expect(client?.sessions.map((s) => s.id)).toEqual([session.id]);
      expect(await outbox(ctx.db)).toEqual([
        { type: "session.created", id: session.id, status: "active" },
      ]);
      expect((await ctx.store.getUser(userId))?.lastSignInAt).toBe(START);
    });

    it("adds sessions to an existing client", async () => {
      const first = (await createSession(ctx.store, { userId, ...limits() })).session;
      clock.advance(1000);
      const second = (
        await createSession(ctx.store, {
          userId,
          clientId: first.clientId,
          activeOrganizationId: "org_1",
          ...limits(),
        })
      ).session;
      const client = await ctx.store.getClient(first.clientId);
      expect(client?.sessions.map((s) => s.id)).toEqual([first.id, second.id]);
      expect(client?.lastActiveSessionId).toBe(second.id);
      expect(second.lastActiveOrganizationId).toBe("org_1");
    });

    it("refuses unknown users and clients, and writes nothing then", async () => {
      const noUser = await rejection(
        createSession(ctx.store, { userId: "user_x", ...limits() }).then(
          (result) => result.session,
        ),
      );
      expect([noUser.code, noUser.paramName]).toEqual(["resource_not_found", "user_id"]);
      const noClient = await rejection(
        createSession(ctx.store, { userId, clientId: "client_x", ...limits() }).then(
          (result) => result.session,
        ),
      );
      expect([noClient.code, noClient.paramName]).toEqual(["resource_not_found", "client_id"]);
      expect(await outbox(ctx.db)).toEqual([]);
    });

    it("revokes, ends and removes active sessions once, each with its event", async () => {
      const a = (await createSession(ctx.store, { userId, ...limits() })).session;
      const b = (await createSession(ctx.store, { userId, ...limits() })).session;
      const c = (await createSession(ctx.store, { userId, ...limits() })).session;
      clock.advance(5000);
      expect((await endSession(ctx.store, a.id, "revoked")).session.status).toBe("revoked");
      expect((await endSession(ctx.store, b.id, "ended")).session.status).toBe("ended");
      const removed = (await endSession(ctx.store, c.id, "removed")).session;
      expect(removed.status).toBe("removed");
      expect(removed.updatedAt).toBe(START + 5000);
      // Already ended: answered unchanged, no second event.
      expect((await endSession(ctx.store, b.id, "revoked")).session.status).toBe("ended");
      const events = (await outbox(ctx.db)).slice(3);
      expect(events).toEqual([
        { type: "session.revoked", id: a.id, status: "revoked" },
        { type: "session.ended", id: b.id, status: "ended" },
        { type: "session.removed", id: c.id, status: "removed" },
      ]);
      const missing = await rejection(
        endSession(ctx.store, "sess_missing", "revoked").then((result) => result.session),
      );
      expect([missing.code, missing.paramName]).toEqual(["resource_not_found", "session_id"]);
    });

    it("reads active sessions past their limits as expired or abandoned", async () => {
      const expiring = (
        await createSession(ctx.store, {
          userId,
          expireAt: START + 1000,
          abandonAt: START + 10_000,
        })
      ).session;
      const abandoning = (
        await createSession(ctx.store, {
          userId,
          expireAt: START + 10_000,
          abandonAt: START + 1000,
        })
      ).session;
      clock.advance(1000);
      expect((await ctx.store.getSession(expiring.id))?.status).toBe("expired");
      expect((await ctx.store.getSession(abandoning.id))?.status).toBe("abandoned");
      expect(
        (await ctx.store.listSessions({ status: "expired" }, { limit: 10, offset: 0 })).map(
          (s) => s.id,
        ),
      ).toEqual([expiring.id]);
      expect(await ctx.store.countSessions({ status: "active" })).toBe(0);
      // An expired session cannot be revoked any more.
      expect((await endSession(ctx.store, expiring.id, "revoked")).session.status).toBe("expired");
    });

    it("lists sessions newest first with filters and paging", async () => {
      const other = (await ctx.store.createUser({ firstName: "Bob" })).id;
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        clock.advance(1000);
        ids.push((await createSession(ctx.store, { userId, ...limits() })).session.id);
      }
      const bobs = (await createSession(ctx.store, { userId: other, ...limits() })).session;
      (await endSession(ctx.store, ids[0]!, "revoked")).session;
      const page = { limit: 10, offset: 0 };
      expect((await ctx.store.listSessions({ userId }, page)).map((s) => s.id)).toEqual(
        [...ids].reverse(),
      );
      expect(
        (await ctx.store.listSessions({ userId }, { limit: 1, offset: 1 })).map((s) => s.id),
      ).toEqual([ids[1]]);
      expect(
        (await ctx.store.listSessions({ clientId: bobs.clientId }, page)).map((s) => s.id),
      ).toEqual([bobs.id]);
      expect(await ctx.store.countSessions({ userId, status: "active" })).toBe(2);
      expect(await ctx.store.countSessions({ userId, status: "revoked" })).toBe(1);
      expect(await ctx.store.countSessions({})).toBe(4);
    });

    it("touches an active session and sets its active organization", async () => {
      const session = (await createSession(ctx.store, { userId, ...limits() })).session;
      clock.advance(60_000);
      const touched = await ctx.store.touchSession(session.id);
      expect(touched.lastActiveAt).toBe(START + 60_000);
      expect((await ctx.store.getUser(userId))?.lastActiveAt).toBe(START + 60_000);
      const withOrg = await ctx.store.setSessionActiveOrganization(session.id, "org_9");
      expect(withOrg.lastActiveOrganizationId).toBe("org_9");
      expect(
        (await ctx.store.setSessionActiveOrganization(session.id, null)).lastActiveOrganizationId,
      ).toBe(null);
      (await endSession(ctx.store, session.id, "revoked")).session;
      clock.advance(60_000);
      expect((await ctx.store.touchSession(session.id)).lastActiveAt).toBe(START + 60_000);
    });

    it("answers null for unknown sessions and clients", async () => {
      expect(await ctx.store.getSession("sess_missing")).toBeNull();
      expect(await ctx.store.getClient("client_missing")).toBeNull();
    });
  });
}
