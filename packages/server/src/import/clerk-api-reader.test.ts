import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { useTestStore } from "../store/test-databases.test-helpers.js";
import { createApiPageCache } from "./api-page-cache.js";
import { createClerkApiReader } from "./clerk-api-reader.js";
import { clerkCsv, makeDigest } from "./clerk-export.test-helpers.js";
import { importClerkUsers } from "./import-clerk-users.js";

describe("latchkey import clerk --from-api, our own instance standing in for Clerk's Backend API", () => {
  // "Clerk": an instance over HTTP; "here": a fresh store to import into.
  const clerk = useTestInstance({ overHttp: true });
  const here = useTestStore();

  it("pages through every user with the secret key and imports them, merged with the CSV's digests", async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const created = await clerk.call("POST", "/v1/users", {
        body: {
          email_address: [`api${n}@example.com`],
          first_name: `Api${n}`,
          external_id: `ext-${n}`,
          public_metadata: { n },
          private_metadata: { secret: `p${n}` },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      ids.push(created.body.id);
    }
    const api = createClerkApiReader({
      apiUrl: clerk.baseUrl,
      secretKey: TEST_SECRET_KEY,
      pageSize: 2,
    });
    const apiUsers = await api.list("/users", { order_by: "+created_at" });
    expect(apiUsers.map((u) => (u as { id: string }).id).sort()).toEqual([...ids].sort());

    const digest = await makeDigest("bcrypt", "from-the-csv-1");
    const csv = clerkCsv([
      {
        id: ids[0],
        first_name: "Api0",
        primary_email_address: "api0@example.com",
        password_digest: digest,
        password_hasher: "bcrypt",
      },
    ]);
    const report = await importClerkUsers({ store: here.store, csv, apiUsers });
    expect(report).toMatchObject({ created: 5, refused: [] });
    for (const [n, id] of ids.entries()) {
      const user = await here.store.getUser(id);
      expect(user).toMatchObject({
        id,
        firstName: `Api${n}`,
        externalId: `ext-${n}`,
        publicMetadata: { n },
        privateMetadata: { secret: `p${n}` },
        passwordEnabled: n === 0,
      });
      expect(user?.emailAddresses.map((e) => [e.emailAddress, e.verification?.status])).toEqual([
        [`api${n}@example.com`, "verified"],
      ]);
    }
    // Again from the same sources: nothing changes.
    const again = await importClerkUsers({
      store: here.store,
      csv,
      apiUsers: await api.list("/users"),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
  });

  it("refuses a wrong secret key with a coded error that does not contain it", async () => {
    const api = createClerkApiReader({
      apiUrl: clerk.baseUrl,
      secretKey: "sk_test_wrongwrongwrong",
    });
    const failure = await api.list("/users").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "api_request_failed" });
    expect(String((failure as Error).message)).not.toContain("sk_test_wrong");
  });

  it("waits as a 429's Retry-After says, backs off on 5xx, and carries on", async () => {
    const answers = [
      new Response("{}", { status: 429, headers: { "Retry-After": "3" } }),
      new Response("{}", { status: 503 }),
      Response.json([{ id: "user_1" }, { id: "user_2" }]),
      new Response("{}", { status: 429 }),
      Response.json({ data: [{ id: "user_3" }], total_count: 3 }),
    ];
    const urls: string[] = [];
    const waits: number[] = [];
    const api = createClerkApiReader({
      apiUrl: "https://clerk.example/",
      secretKey: "sk_live_x",
      pageSize: 2,
      fetch: async (input) => {
        urls.push(String(input));
        const next = answers.shift();
        if (!next) throw new Error("no more answers");
        return next;
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(await api.list("/users")).toEqual([
      { id: "user_1" },
      { id: "user_2" },
      { id: "user_3" },
    ]);
    expect(waits).toEqual([3_000, 2_000, 1_000]);
    expect(urls.at(0)).toBe("https://clerk.example/v1/users?limit=2&offset=0");
    expect(urls.at(-1)).toBe("https://clerk.example/v1/users?limit=2&offset=2");
  });

  it("resumes an interrupted read from the pages already kept, and asks Clerk only for the rest", async () => {
    for (let n = 0; n < 5; n++) {
      await clerk.call("POST", "/v1/users", {
        body: { email_address: [`resume${n}@example.com`] },
      });
    }
    const dir = await mkdtemp(join(tmpdir(), "latchkey-import-pages-"));
    const cache = createApiPageCache(dir);
    const asked: string[] = [];
    const countingFetch =
      (failFrom: number): typeof fetch =>
      async (input, init) => {
        const offset = new URL(String(input)).searchParams.get("offset") ?? "";
        asked.push(offset);
        if (Number(offset) >= failFrom) return new Response("{}", { status: 401 });
        return fetch(input, init);
      };
    const reader = (fetchFn: typeof fetch) =>
      createClerkApiReader({
        apiUrl: clerk.baseUrl,
        secretKey: TEST_SECRET_KEY,
        pageSize: 2,
        cache,
        fetch: fetchFn,
      });
    // The connection is lost at the third page: the read fails, the first two pages are kept.
    await expect(reader(countingFetch(4)).list("/users")).rejects.toThrow(/answered 401/);
    expect(asked).toEqual(["0", "2", "4"]);
    asked.length = 0;
    const users = await reader(countingFetch(Number.POSITIVE_INFINITY)).list("/users");
    expect(asked[0]).toBe("4");
    expect(asked).not.toContain("0");
    expect(users.length).toBeGreaterThanOrEqual(5);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await cache.clear();
    await expect(stat(dir)).rejects.toThrow();
  });

  it("gives up on a page after maxTries", async () => {
    const api = createClerkApiReader({
      secretKey: "sk_live_x",
      maxTries: 2,
      fetch: async () => new Response("{}", { status: 429, headers: { "Retry-After": "0" } }),
      sleep: async () => {},
    });
    await expect(api.list("/users")).rejects.toMatchObject({ code: "api_request_failed" });
  });
});
