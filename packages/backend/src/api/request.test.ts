import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { BackendError } from "../errors/backend-error.js";
import { ClerkAPIResponseError } from "../errors/clerk-api-response-error.js";
import { ClerkNetworkError } from "../errors/clerk-network-error.js";
import { TEST_SECRET_KEY } from "./api-scenarios.test-helpers.js";
import { createBackendApiClient } from "./create-backend-api-client.js";
import { createFakeFetch, type FakeReply, jsonResponse } from "./fake-fetch.test-helpers.js";
import { userJson } from "./fixtures.test-helpers.js";
import { PACKAGE_VERSION } from "./internal/package-version.js";
import {
  type BackendApiRequestConfig,
  type BackendApiRequestOptions,
  createBackendApiRequest,
  type HttpMethod,
} from "./request.js";

const anything = z.looseObject({});

/** A request function over a scripted fake server, with a recording fake sleep. */
function setup(replies: FakeReply[], config: Partial<BackendApiRequestConfig> = {}) {
  let index = 0;
  const fake = createFakeFetch((call) => {
    const reply = replies[Math.min(index++, replies.length - 1)];
    if (!reply) throw new Error("no scripted reply");
    return typeof reply === "function" ? reply(call) : reply.clone();
  });
  const sleeps: number[] = [];
  const request = createBackendApiRequest({
    secretKey: TEST_SECRET_KEY,
    fetch: fake.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...config,
  });
  return { request, calls: fake.calls, sleeps };
}

function get<T>(schema: z.ZodType<T>, extra: Partial<BackendApiRequestOptions<T>> = {}) {
  return { method: "GET" as const, path: "/things", schema, ...extra };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to reject");
}

const envelope = (code: string, extra: Record<string, unknown> = {}) => ({
  errors: [
    {
      code,
      message: "Is invalid",
      long_message: "email_address must be a valid email address.",
      meta: { param_name: "email_address" },
    },
  ],
  clerk_trace_id: "trace_123",
  ...extra,
});

describe("request: headers and URL", () => {
  it("sends the secret key, the API version and a User-Agent", async () => {
    const { request, calls } = setup([jsonResponse({ ok: 1 })]);
    await request(get(anything));
    const headers = calls[0]?.headers;
    expect(headers?.get("authorization")).toBe(`Bearer ${TEST_SECRET_KEY}`);
    expect(headers?.get("clerk-api-version")).toBe("2026-05-12");
    expect(headers?.get("user-agent")).toBe(`@latchkey/backend@${PACKAGE_VERSION}`);
    expect(headers?.get("content-type")).toBeNull();
  });

  it("keeps the User-Agent version equal to package.json", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
  });

  it("defaults to https://api.clerk.com/v1", async () => {
    const { request, calls } = setup([jsonResponse({})]);
    await request(get(anything, { path: "/users/count" }));
    expect(calls[0]?.url.href).toBe("https://api.clerk.com/v1/users/count");
  });

  it("honours apiUrl (with a base path and trailing slash) and apiVersion", async () => {
    const { request, calls } = setup([jsonResponse({})], {
      apiUrl: "http://localhost:4000/bapi/",
      apiVersion: "v2",
    });
    await request(get(anything, { path: "/users/user_1" }));
    expect(calls[0]?.url.href).toBe("http://localhost:4000/bapi/v2/users/user_1");
  });

  it("createBackendApiClient passes apiUrl and apiVersion through", async () => {
    const fake = createFakeFetch(() => jsonResponse(userJson()));
    const api = createBackendApiClient({
      secretKey: TEST_SECRET_KEY,
      apiUrl: "https://clerk.internal.example",
      apiVersion: "v1",
      fetch: fake.fetch,
    });
    await api.users.getUser("user_1");
    expect(fake.calls[0]?.url.href).toBe("https://clerk.internal.example/v1/users/user_1");
  });
});

describe("request: parameters", () => {
  it("snake_cases query keys and repeats array values", async () => {
    const { request, calls } = setup([jsonResponse({})]);
    await request(
      get(anything, {
        query: { emailAddress: ["a@x.com", "b@x.com"], orderBy: "-created_at", limit: 5 },
      }),
    );
    expect(calls[0]?.url.search).toBe(
      "?email_address=a%40x.com&email_address=b%40x.com&order_by=-created_at&limit=5",
    );
  });

  it("leaves out undefined, null and falsy query values, as Clerk's SDK does", async () => {
    const { request, calls } = setup([jsonResponse({})]);
    await request(
      get(anything, {
        query: {
          a: undefined,
          b: null,
          offset: 0,
          banned: false,
          query: "",
          userId: [],
          paginated: true,
        },
      }),
    );
    expect(calls[0]?.query).toEqual({ paginated: ["true"] });
  });

  it("snake_cases top-level body keys only and drops undefined ones", async () => {
    const { request, calls } = setup([jsonResponse({})]);
    await request({
      method: "POST",
      path: "/things",
      body: {
        firstName: "Ada",
        skipPasswordChecks: false,
        lastName: undefined,
        publicMetadata: { camelKey: { innerKey: 1 }, snake_key: null },
        emailAddress: ["a@x.com"],
      },
      schema: anything,
    });
    const call = calls[0];
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.json).toEqual({
      first_name: "Ada",
      skip_password_checks: false,
      public_metadata: { camelKey: { innerKey: 1 }, snake_key: null },
      email_address: ["a@x.com"],
    });
  });

  it("sends no body when none is given", async () => {
    const { request, calls } = setup([jsonResponse({})]);
    await request({ method: "POST", path: "/users/user_1/ban", schema: anything });
    expect(calls[0]?.bodyText).toBeUndefined();
    expect(calls[0]?.headers.get("content-type")).toBeNull();
  });
});

describe("request: responses", () => {
  const thing = z.looseObject({ id: z.string(), createdAt: z.number() });

  it("camelizes keys and lets unknown fields through", async () => {
    const { request } = setup([
      jsonResponse({
        id: "x_1",
        created_at: 1,
        brand_new_field: { nested_key: [{ deep_key: 1 }] },
      }),
    ]);
    const result = await request(get(thing));
    expect(result).toEqual({
      id: "x_1",
      createdAt: 1,
      brandNewField: { nestedKey: [{ deepKey: 1 }] },
    });
  });

  it("keeps metadata keys as stored", async () => {
    const { request } = setup([
      jsonResponse({
        id: "x_1",
        created_at: 1,
        public_metadata: { snake_key: { inner_key: 1 }, camelKey: 2 },
      }),
    ]);
    const result = await request(get(thing));
    expect(result).toHaveProperty("publicMetadata", { snake_key: { inner_key: 1 }, camelKey: 2 });
  });

  it("rejects a response of the wrong shape with api-response-invalid, without retrying", async () => {
    const { request, calls } = setup([jsonResponse({ id: 42, created_at: "secret-ish value" })]);
    const err = await caught(request(get(thing)));
    expect(err).toBeInstanceOf(BackendError);
    expect(err).not.toBeInstanceOf(ClerkNetworkError);
    expect(err).toMatchObject({ code: "api-response-invalid" });
    expect((err as Error).message).toContain("GET /v1/things");
    expect((err as Error).message).toContain("id");
    expect((err as Error).message).not.toContain("secret-ish value");
    expect((err as Error).cause).toBeInstanceOf(z.ZodError);
    expect(calls).toHaveLength(1);
  });

  it("rejects a 2xx body that is not JSON with api-response-invalid", async () => {
    const { request, calls } = setup([new Response("<html>proxy</html>", { status: 200 })]);
    const err = await caught(request(get(anything)));
    expect(err).toMatchObject({ code: "api-response-invalid" });
    expect((err as Error).cause).toBeInstanceOf(SyntaxError);
    expect(calls).toHaveLength(1);
  });
});

describe("request: API errors", () => {
  it("reads a 4xx envelope into ClerkAPIResponseError", async () => {
    const { request } = setup([
      jsonResponse(envelope("form_param_format_invalid"), { status: 422 }),
    ]);
    const err = await caught(
      request({ method: "POST", path: "/users", body: {}, schema: anything }),
    );
    expect(err).toBeInstanceOf(ClerkAPIResponseError);
    const apiError = err as ClerkAPIResponseError;
    expect(apiError.code).toBe("api-response-error");
    expect(apiError.clerkError).toBe(true);
    expect(apiError.status).toBe(422);
    expect(apiError.clerkTraceId).toBe("trace_123");
    expect(apiError.retryAfter).toBeUndefined();
    expect(apiError.errors).toEqual([
      {
        code: "form_param_format_invalid",
        message: "Is invalid",
        longMessage: "email_address must be a valid email address.",
        meta: { paramName: "email_address" },
      },
    ]);
    expect(apiError.message).toContain("422");
    expect(apiError.message).toContain("form_param_format_invalid");
    expect(apiError.message).toContain("POST /v1/users");
  });

  it("reads a 404 envelope", async () => {
    const { request, calls } = setup([
      jsonResponse(
        {
          errors: [{ code: "resource_not_found", message: "not found", long_message: "Not found" }],
          clerk_trace_id: "t_404",
        },
        { status: 404 },
      ),
    ]);
    const err = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(err.status).toBe(404);
    expect(err.errors[0]).toEqual({
      code: "resource_not_found",
      message: "not found",
      longMessage: "Not found",
      meta: {},
    });
    expect(calls).toHaveLength(1);
  });

  it("reads a 5xx envelope, not retried when the status is 500", async () => {
    const { request, calls } = setup([
      jsonResponse(
        { errors: [{ code: "internal_clerk_error", message: "Oops", long_message: "Oops" }] },
        { status: 500 },
      ),
    ]);
    const err = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(err.status).toBe(500);
    expect(err.errors[0]?.code).toBe("internal_clerk_error");
    expect(err.clerkTraceId).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it("reads Retry-After (seconds) into retryAfter", async () => {
    const { request } = setup([
      jsonResponse(envelope("too_many_requests"), {
        status: 429,
        headers: { "Retry-After": "7" },
      }),
    ]);
    const err = (await caught(
      request({ method: "POST", path: "/things", schema: anything }),
    )) as ClerkAPIResponseError;
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(7);
  });

  it("reads Retry-After as an HTTP date against the injected clock", async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const { request } = setup(
      [
        jsonResponse(envelope("too_many_requests"), {
          status: 429,
          headers: { "Retry-After": new Date(now + 30_000).toUTCString() },
        }),
      ],
      { now: () => now },
    );
    const err = (await caught(
      request({ method: "DELETE", path: "/things/1", schema: anything }),
    )) as ClerkAPIResponseError;
    expect(err.retryAfter).toBe(30);
  });

  it("gives an error with no entries for a non-JSON error body", async () => {
    const { request } = setup([
      new Response("<html><body>Bad gateway</body></html>", {
        status: 502,
        headers: { "Content-Type": "text/html" },
      }),
    ]);
    const err = (await caught(
      request({ method: "POST", path: "/things", schema: anything }),
    )) as ClerkAPIResponseError;
    expect(err).toBeInstanceOf(ClerkAPIResponseError);
    expect(err.status).toBe(502);
    expect(err.errors).toEqual([]);
    expect(err.clerkTraceId).toBeUndefined();
  });

  it("gives an error with no entries for an empty error body and for a foreign JSON body", async () => {
    const { request } = setup([
      new Response(null, { status: 401 }),
      jsonResponse({ error: "nope", errors: "not a list" }, { status: 403 }),
    ]);
    const first = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(first.status).toBe(401);
    expect(first.errors).toEqual([]);
    const second = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(second.status).toBe(403);
    expect(second.errors).toEqual([]);
  });
});

describe("request: network failures", () => {
  it("turns a rejected fetch into ClerkNetworkError, keeping the cause", async () => {
    const failure = new TypeError("fetch failed");
    const { request } = setup([
      () => {
        throw failure;
      },
    ]);
    const err = await caught(request({ method: "POST", path: "/things", schema: anything }));
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect(err).toMatchObject({ code: "network-error", cause: failure });
    expect((err as Error).message).toContain("POST /v1/things");
  });

  it("turns a body cut off mid-stream into ClerkNetworkError", async () => {
    const broken = new ReadableStream({
      pull(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    const { request } = setup([
      () => new Response(broken, { status: 200, headers: { "Content-Type": "application/json" } }),
    ]);
    const err = await caught(request({ method: "POST", path: "/things", schema: anything }));
    expect(err).toMatchObject({ code: "network-error" });
  });

  it("retries a read after a network failure, then succeeds", async () => {
    const { request, calls, sleeps } = setup([
      () => {
        throw new TypeError("ECONNRESET");
      },
      jsonResponse({ id: "ok" }),
    ]);
    await expect(request(get(anything))).resolves.toEqual({ id: "ok" });
    expect(calls).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });
});

describe("request: retries", () => {
  const failing = (status: number, headers: Record<string, string> = {}) =>
    jsonResponse(envelope("upstream"), { status, headers });

  for (const status of [429, 502, 503, 504]) {
    it(`retries a GET answered ${status}, then returns the result`, async () => {
      const { request, calls, sleeps } = setup([failing(status), jsonResponse({ id: "ok" })]);
      await expect(request(get(anything))).resolves.toEqual({ id: "ok" });
      expect(calls).toHaveLength(2);
      expect(sleeps).toHaveLength(1);
    });
  }

  it("waits exactly Retry-After seconds when the server says so", async () => {
    const { request, sleeps } = setup([
      failing(429, { "Retry-After": "2" }),
      failing(503, { "Retry-After": "0" }),
      jsonResponse({}),
    ]);
    await request(get(anything));
    expect(sleeps).toEqual([2000, 0]);
  });

  it("backs off exponentially with jitter without Retry-After", async () => {
    const { request, sleeps } = setup([failing(503), failing(503), failing(503), jsonResponse({})]);
    await request(get(anything));
    // random() = 0.5: three quarters of 250, 500 and 1000 ms.
    expect(sleeps).toEqual([188, 375, 750]);
  });

  it("stops after three retries and throws the last error", async () => {
    const { request, calls, sleeps } = setup([failing(503)]);
    const err = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(err).toBeInstanceOf(ClerkAPIResponseError);
    expect(err.status).toBe(503);
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it("stops retrying network failures after three retries", async () => {
    const { request, calls } = setup([
      () => {
        throw new TypeError("fetch failed");
      },
    ]);
    await expect(request(get(anything))).rejects.toBeInstanceOf(ClerkNetworkError);
    expect(calls).toHaveLength(4);
  });

  it("does not wait out a Retry-After longer than 10 s: the caller gets the 429", async () => {
    const { request, calls, sleeps } = setup([failing(429, { "Retry-After": "60" })]);
    const err = (await caught(request(get(anything)))) as ClerkAPIResponseError;
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(60);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  for (const status of [400, 401, 404, 409, 422, 500]) {
    it(`does not retry a GET answered ${status}`, async () => {
      const { request, calls } = setup([failing(status), jsonResponse({})]);
      await expect(request(get(anything))).rejects.toMatchObject({ status });
      expect(calls).toHaveLength(1);
    });
  }

  for (const method of ["POST", "PATCH", "PUT", "DELETE"] as HttpMethod[]) {
    it(`never retries a ${method}, whatever the status`, async () => {
      for (const status of [429, 502, 503, 504]) {
        const { request, calls, sleeps } = setup([
          failing(status, { "Retry-After": "1" }),
          jsonResponse({}),
        ]);
        await expect(
          request({ method, path: "/things", body: {}, schema: anything }),
        ).rejects.toMatchObject({ status });
        expect(calls).toHaveLength(1);
        expect(sleeps).toEqual([]);
      }
    });

    it(`never retries a ${method} after a network failure`, async () => {
      const { request, calls } = setup([
        () => {
          throw new TypeError("fetch failed");
        },
        jsonResponse({}),
      ]);
      await expect(request({ method, path: "/things", schema: anything })).rejects.toBeInstanceOf(
        ClerkNetworkError,
      );
      expect(calls).toHaveLength(1);
    });
  }

  describe("with the default sleep", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("waits on timers (fake here), not in a busy loop", async () => {
      vi.useFakeTimers();
      const fake = createFakeFetch(() => jsonResponse({}));
      let attempts = 0;
      const request = createBackendApiRequest({
        secretKey: TEST_SECRET_KEY,
        fetch: async (input, init) => {
          attempts++;
          if (attempts === 1) return failing(429, { "Retry-After": "3" });
          return fake.fetch(input, init);
        },
      });
      const pending = request(get(anything));
      await vi.advanceTimersByTimeAsync(2_999);
      expect(attempts).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(pending).resolves.toEqual({});
      expect(attempts).toBe(2);
    });
  });
});

describe("request: configuration and secrets", () => {
  it("fails at call time, not construction, when the secret key is missing", async () => {
    for (const secretKey of [undefined, ""]) {
      const fake = createFakeFetch(() => jsonResponse(userJson()));
      const api = createBackendApiClient({ secretKey, fetch: fake.fetch });
      const err = await caught(api.users.getUser("user_1"));
      expect(err).toBeInstanceOf(BackendError);
      expect(err).toMatchObject({ code: "secret-key-missing" });
      expect((err as Error).message).toContain("CLERK_SECRET_KEY");
      expect(fake.calls).toHaveLength(0);
    }
  });

  it("rejects an empty id with invalid-resource-id before any request", async () => {
    const fake = createFakeFetch(() => jsonResponse(userJson()));
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    for (const id of ["", "   "]) {
      const err = await caught(api.users.deleteUser(id));
      expect(err).toBeInstanceOf(BackendError);
      expect(err).toMatchObject({ code: "invalid-resource-id" });
    }
    const notAString = await caught(api.users.getUser(undefined as unknown as string));
    expect(notAString).toMatchObject({ code: "invalid-resource-id" });
    expect(fake.calls).toHaveLength(0);
  });

  it("never puts the secret key in an error message", async () => {
    const echo = `bad key ${TEST_SECRET_KEY}`;
    const failures: FakeReply[] = [
      jsonResponse(
        {
          errors: [{ code: "clerk_key_invalid", message: echo, long_message: echo }],
          clerk_trace_id: "t",
        },
        { status: 401 },
      ),
      new Response(echo, { status: 500 }),
      () => {
        throw new Error(`connect failed with header Bearer ${TEST_SECRET_KEY}`);
      },
      new Response(echo, { status: 200 }),
      jsonResponse({ [TEST_SECRET_KEY]: TEST_SECRET_KEY }),
    ];
    const schema = z.object({ id: z.string() });
    for (const failure of failures) {
      const { request } = setup([failure]);
      const err = await caught(request({ method: "POST", path: "/things", schema }));
      expect(err).toBeInstanceOf(BackendError);
      const error = err as BackendError;
      expect(error.message).not.toContain(TEST_SECRET_KEY);
      expect(String(error.stack)).not.toContain(TEST_SECRET_KEY);
      if (error instanceof ClerkAPIResponseError) {
        expect(JSON.stringify(error.errors)).not.toContain(TEST_SECRET_KEY);
      }
    }
  });
});
