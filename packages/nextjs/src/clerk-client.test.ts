import type { ClerkClient, User } from "@latchkey/backend";
import { beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { fixtureKeysEnv, isolateLatchkeyEnv } from "../test/server-test-fixtures.js";
import { stubBackendApiForFile } from "../test/stub-backend-api.js";
import { type CallableClerkClient, clerkClient } from "./clerk-client.js";
import { SECRET_KEY } from "./internal/testing.test-helpers.js";
import { LatchkeyNextjsError } from "./latchkey-nextjs-error.js";

const OTHER_SECRET_KEY = "sk_test_nextjs_other_secret";

// A Backend API that knows one user and records who asked.
const stub = stubBackendApiForFile();
const bapiCalls = stub.calls;

isolateLatchkeyEnv(() => fixtureKeysEnv(stub.url()));
beforeEach(() => {
  bapiCalls.length = 0;
});

async function rejectionOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err,
  );
}

describe("clerkClient, called (current Clerk docs)", () => {
  it("resolves to the client configured from the environment", async () => {
    const user = await (await clerkClient()).users.getUser("user_2abc");
    expect(user.lastName).toBe("Lovelace");
    expect(bapiCalls).toEqual([`GET /v1/users/user_2abc Bearer ${SECRET_KEY}`]);
  });
});

describe("clerkClient, as an object (older Clerk docs)", () => {
  it("clerkClient.users.getUser(id) calls the same Backend API as (await clerkClient()).users", async () => {
    const user = await clerkClient.users.getUser("user_2abc");
    expect(user).toMatchObject({ id: "user_2abc", lastName: "Lovelace" });
    expect(bapiCalls).toEqual([`GET /v1/users/user_2abc Bearer ${SECRET_KEY}`]);
  });

  it("reads the environment when a method is called, not when the member is read", async () => {
    const users = clerkClient.users;
    vi.stubEnv("CLERK_SECRET_KEY", OTHER_SECRET_KEY);
    await users.getUser("user_2abc");
    expect(bapiCalls).toEqual([`GET /v1/users/user_2abc Bearer ${OTHER_SECRET_KEY}`]);
  });

  it("answers API errors as the function form does", async () => {
    const viaObject = await rejectionOf(() => clerkClient.users.getUser("user_missing"));
    const viaCall = await rejectionOf(async () =>
      (await clerkClient()).users.getUser("user_missing"),
    );
    expect(viaObject).toMatchObject({ status: 404, errors: [{ code: "resource_not_found" }] });
    expect(viaCall).toMatchObject({ status: 404, errors: [{ code: "resource_not_found" }] });
  });

  it("rejects with the function form's coded error when the secret key is missing", async () => {
    vi.stubEnv("CLERK_SECRET_KEY", "");
    vi.stubEnv("CLERK_JWT_KEY", "");
    // Reading members never throws: only the call does, as a rejection.
    const users = clerkClient.users;
    const pending = users.getUser("user_2abc");
    expect(pending).toBeInstanceOf(Promise);
    const viaObject = await rejectionOf(() => pending);
    const viaCall = await rejectionOf(() => clerkClient());
    for (const error of [viaObject, viaCall]) {
      expect(error).toBeInstanceOf(LatchkeyNextjsError);
      expect(error).toMatchObject({ code: "config-missing", variable: "CLERK_SECRET_KEY" });
    }
    await expect(clerkClient.organizations.getOrganizationList()).rejects.toMatchObject({
      code: "config-missing",
    });
    expect(bapiCalls).toEqual([]);
  });

  it("has every member of the client: resources with their methods, and authenticateRequest", async () => {
    const client = await clerkClient();
    for (const key of Object.keys(client) as Array<keyof ClerkClient>) {
      const member = client[key];
      if (typeof member === "function") {
        expect(typeof clerkClient[key], key).toBe("function");
      } else {
        expect(Object.keys(clerkClient[key]).sort(), key).toEqual(Object.keys(member).sort());
      }
    }
    expect(Object.keys(clerkClient).sort()).toEqual(Object.keys(client).sort());
    // A member is not a promise: awaiting it by mistake does not hang.
    expect("then" in clerkClient.users).toBe(false);
    const state = await clerkClient.authenticateRequest(new Request("https://app.example.test/"));
    expect(state.isSignedIn).toBe(false);
  });

  it("is importable without any configuration", async () => {
    vi.stubEnv("CLERK_SECRET_KEY", "");
    vi.stubEnv("CLERK_JWT_KEY", "");
    vi.resetModules();
    const fresh = await import("./clerk-client.js");
    expect(typeof fresh.clerkClient).toBe("function");
    expect(typeof fresh.clerkClient.sessions.getSession).toBe("function");
  });

  it("is typed as both forms", () => {
    expectTypeOf(clerkClient).toEqualTypeOf<CallableClerkClient>();
    expectTypeOf(clerkClient).returns.resolves.toEqualTypeOf<ClerkClient>();
    expectTypeOf(clerkClient.users.getUser).returns.resolves.toEqualTypeOf<User>();
    expectTypeOf(clerkClient.sessions).toEqualTypeOf<ClerkClient["sessions"]>();
  });
});
