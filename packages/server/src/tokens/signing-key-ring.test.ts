import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../store/test-databases.test-helpers.js";
import { createSigningKeyRing, DEFAULT_PUBLISH_DELAY_MS } from "./signing-key-ring.js";

const START = 1_767_225_600_000;
const MINUTE = 60_000;

function decode(jwt: string) {
  const [header, payload] = jwt.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()),
    payload: JSON.parse(Buffer.from(payload, "base64url").toString()),
  };
}

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Signing keys", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target, { startMs: START });
    const { clock } = ctx;

    it("creates one RS256 key on first use and signs with it", async () => {
      const ring = createSigningKeyRing({ store: ctx.store, clock });
      const jwt = await ring.sign({ sub: "user_1" }, 60);
      const { header, payload } = decode(jwt);
      const keys = await ctx.store.listSigningKeys();
      expect(keys).toHaveLength(1);
      expect(header).toEqual({ alg: "RS256", kid: keys[0]?.kid, typ: "JWT" });
      expect(payload).toEqual({ sub: "user_1" });
      const [h, p, s] = jwt.split(".") as [string, string, string];
      const publicKey = createPublicKey({ key: { ...keys[0]!.publicJwk }, format: "jwk" });
      expect(
        verify("sha256", Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, "base64url")),
      ).toBe(true);
    });

    it("creates exactly one key when several processes start at once", async () => {
      const stores = [ctx.store, await ctx.openSiblingStore(), await ctx.openSiblingStore()];
      const rings = stores.map((store) => createSigningKeyRing({ store, clock }));
      const tokens = await Promise.all(rings.map((ring) => ring.sign({ sub: "user_1" }, 60)));
      const keys = await ctx.store.listSigningKeys();
      expect(keys).toHaveLength(1);
      for (const token of tokens) expect(decode(token).header.kid).toBe(keys[0]?.kid);
    });

    it("never publishes private key material", async () => {
      const ring = createSigningKeyRing({ store: ctx.store, clock });
      const published = await ring.publishedKeys();
      expect(published).toHaveLength(1);
      expect(Object.keys(published[0]?.publicJwk ?? {}).sort()).toEqual(["e", "kty", "n"]);
    });

    it("rotates: publishes at once, signs after the delay, drops the old key later", async () => {
      const ring = createSigningKeyRing({ store: ctx.store, clock, retentionSkewMs: MINUTE });
      const oldKid = decode(await ring.sign({ sub: "u" }, 3600)).header.kid;
      clock.advance(MINUTE);
      const { kid: newKid, activeAt } = await ring.rotate();
      expect(activeAt).toBe(clock.now() + DEFAULT_PUBLISH_DELAY_MS);
      expect((await ring.publishedKeys()).map((k) => k.kid)).toEqual([oldKid, newKid]);

      clock.set(activeAt - 1);
      expect(decode(await ring.sign({ sub: "u" }, 60)).header.kid).toBe(oldKid);
      clock.set(activeAt);
      expect(decode(await ring.sign({ sub: "u" }, 60)).header.kid).toBe(newKid);

      // The old key signed a one-hour token: published until it expired, plus the skew.
      clock.set(activeAt + 3600_000 + MINUTE - 1);
      await ring.reload();
      expect((await ring.publishedKeys()).map((k) => k.kid)).toEqual([oldKid, newKid]);
      clock.set(activeAt + 3600_000 + MINUTE);
      expect((await ring.publishedKeys()).map((k) => k.kid)).toEqual([newKid]);
    });

    it("keeps a key published as long as its longest token, recorded for every process", async () => {
      const ring = createSigningKeyRing({ store: ctx.store, clock, retentionSkewMs: 0 });
      const oldKid = decode(await ring.sign({ sub: "u" }, 60)).header.kid;
      await ring.sign({ sub: "u" }, 86_400);
      expect((await ctx.store.listSigningKeys())[0]?.longestLifetimeSeconds).toBe(86_400);
      const { activeAt } = await ring.rotate({ publishDelayMs: MINUTE });
      const other = createSigningKeyRing({ store: ctx.store, clock, retentionSkewMs: 0 });
      clock.set(activeAt + 86_400_000 - 1);
      expect((await other.publishedKeys()).map((k) => k.kid)).toContain(oldKid);
      clock.set(activeAt + 86_400_000);
      expect((await other.publishedKeys()).map((k) => k.kid)).not.toContain(oldKid);
    });

    it("lets another process pick up a rotation within the reload interval", async () => {
      const a = createSigningKeyRing({ store: ctx.store, clock, reloadIntervalMs: 30_000 });
      const b = createSigningKeyRing({ store: ctx.store, clock, reloadIntervalMs: 30_000 });
      await a.sign({ sub: "u" }, 60);
      expect(await b.publishedKeys()).toHaveLength(1);
      const { kid } = await a.rotate();
      expect(await b.publishedKeys()).toHaveLength(1);
      clock.advance(30_000);
      expect((await b.publishedKeys()).map((k) => k.kid)).toContain(kid);
    });

    it("verifies its own tokens, also after the signing key was dropped, and refuses others", async () => {
      const ring = createSigningKeyRing({ store: ctx.store, clock, retentionSkewMs: 0 });
      const token = await ring.sign({ id: "client_1" }, 0);
      expect(await ring.verify(token)).toEqual({ id: "client_1" });
      const { activeAt } = await ring.rotate({ publishDelayMs: MINUTE });
      clock.set(activeAt + MINUTE);
      expect(await ring.publishedKeys()).toHaveLength(1);
      expect(await ring.verify(token)).toEqual({ id: "client_1" });

      const [h, p, s] = token.split(".") as [string, string, string];
      const forged = Buffer.from(JSON.stringify({ id: "client_2" })).toString("base64url");
      expect(await ring.verify(`${h}.${forged}.${s}`)).toBeNull();
      expect(await ring.verify(`${h}.${p}`)).toBeNull();
      const none = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
      expect(await ring.verify(`${none}.${p}.`)).toBeNull();
    });
  });
}
