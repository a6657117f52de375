/**
 * Abuse: input of any size. Bodies are capped on the stream (a chunked body with no
 * `Content-Length` is refused as soon as it passes the cap, on both APIs), and every parameter of
 * every route has a size limit checked before any write: answered 422 in Clerk's envelope naming
 * the parameter, the database untouched. No size of anything gives a 5xx.
 */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { databaseFingerprint } from "../fuzz/database-fingerprint.test-helpers.js";
import type { AnyRoute } from "../http/define-route.js";
import { DEFAULT_MAX_BODY_BYTES } from "../http/limit-request-body.js";
import { backendApiRoutes } from "../http/routes/backend-api-routes.js";
import { frontendApiRoutes } from "../http/routes/frontend/frontend-api-routes.js";

/** A body stream of `total` bytes in 64 KiB chunks, with no length known in advance. */
function streamOf(total: number, byte = 0x61): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(64 * 1024, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(byte));
    },
  });
}

/** Field names of a route's zod object schema. */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A concrete path for a route template (any id: size checks come before lookups). */
const concrete = (path: string) => path.replace(/\{[A-Za-z0-9_]+\}/g, "x");

describe("abuse: oversized bodies and fields", () => {
  const instance = useTestInstance();

  describe("bodies are capped on the stream", () => {
    const BACKEND = {
      Authorization: `Bearer ${TEST_SECRET_KEY}`,
      "Content-Type": "application/json",
    };
    const FRONTEND = {
      Origin: "http://localhost:3000",
      "Content-Type": "application/x-www-form-urlencoded",
    };

    /** POSTs a streamed body (no Content-Length) in process. */
    const postStream = (path: string, headers: Record<string, string>, body: ReadableStream) =>
      instance.handler(
        new Request(`http://localhost${path}`, {
          method: "POST",
          headers,
          body,
          duplex: "half",
        } as RequestInit),
      );

    for (const [label, path, headers, size] of [
      ["a chunked Backend API body", "/v1/users", BACKEND, DEFAULT_MAX_BODY_BYTES + 1],
      ["a chunked anonymous sign-up", "/__clerk/v1/client/sign_ups", FRONTEND, 12 * 1024 * 1024],
    ] as const) {
      it(`${label} past the cap is refused with 413 and stores nothing`, async () => {
        const before = await databaseFingerprint(instance.db);
        const response = await postStream(path, headers, streamOf(size));
        expect(response.status).toBe(413);
        expect((await response.json()).errors[0].code).toBe("request_body_too_large");
        expect(await databaseFingerprint(instance.db)).toEqual(before);
      });
    }

    it("a body at the cap is read (and judged on its content)", async () => {
      const response = await postStream(
        "/v1/users",
        BACKEND,
        streamOf(DEFAULT_MAX_BODY_BYTES, 0x20),
      );
      // All spaces: blank JSON is `{}`, a user with no identifier, which the Backend API allows.
      expect(response.status).toBe(200);
      expect((await response.json()).object).toBe("user");
    });
  });

  describe("every parameter of every route has a limit, checked before any write", () => {
    const huge = "x".repeat(100_000);
    const bigObject = { blob: "y".repeat(20_000) };

    const cases = [
      ...backendApiRoutes
        .filter((route: AnyRoute) => route.body !== undefined)
        .flatMap((route) =>
          fieldsOf(route.body).map((field) => ({ api: "backend", route, field })),
        ),
      ...frontendApiRoutes
        .filter((route) => route.body !== undefined)
        .flatMap((route) =>
          fieldsOf(route.body).map((field) => ({ api: "frontend", route, field })),
        ),
    ];

    it("covers the routes (sanity)", () => {
      expect(cases.length).toBeGreaterThan(80);
    });

    for (const { api, route, field } of cases) {
      it(`${api} ${route.method} ${route.path}: ${field} of 100,000 characters and of 20 KB JSON → 422 naming it`, async () => {
        for (const value of [huge, bigObject]) {
          const before = await databaseFingerprint(instance.db);
          const answer =
            api === "backend"
              ? await instance.call(route.method, concrete(route.path), {
                  body: { [field]: value },
                })
              : await instance.browser().call(route.method, concrete(route.path), {
                  json: { [field]: value },
                });
          expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(422);
          expect(answer.body.errors[0]).toMatchObject({
            code: "form_param_max_length_exceeded",
            meta: { param_name: field },
          });
          expect(await databaseFingerprint(instance.db)).toEqual(before);
        }
      });
    }
  });

  describe("numbers of any size", () => {
    const numberCases = [
      ...backendApiRoutes
        .filter((route: AnyRoute) => route.body !== undefined)
        .map((route) => ({ api: "backend", route })),
      ...frontendApiRoutes
        .filter((route) => route.body !== undefined)
        .map((route) => ({ api: "frontend", route })),
    ];
    for (const { api, route } of numberCases) {
      it(`${api} ${route.method} ${route.path}: every field as 1e308, -1e308, 2^63 → no 5xx`, async () => {
        for (const value of [1e308, -1e308, 2 ** 63, 1.5]) {
          const body = Object.fromEntries(fieldsOf(route.body).map((field) => [field, value]));
          const answer =
            api === "backend"
              ? await instance.call(route.method, concrete(route.path), { body })
              : await instance.browser().call(route.method, concrete(route.path), { json: body });
          expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBeLessThan(500);
        }
      });
    }
  });

  it("numbers of any size on real resources: no 5xx, and a refusal changes nothing", async () => {
    const user = await instance.call("POST", "/v1/users", {
      body: { email_address: ["numbers@example.com"] },
    });
    const org = await instance.call("POST", "/v1/organizations", {
      body: { name: "Numbers", created_by: user.body.id },
    });
    const targets = [
      ["PATCH", "/v1/users/{user_id}", `/v1/users/${user.body.id}`],
      ["PATCH", "/v1/organizations/{organization_id}", `/v1/organizations/${org.body.id}`],
      ["POST", "/v1/sessions", "/v1/sessions"],
      ["POST", "/v1/organizations", "/v1/organizations"],
      ["POST", "/v1/users", "/v1/users"],
    ] as const;
    for (const [method, template, path] of targets) {
      const route = backendApiRoutes.find((r) => r.method === method && r.path === template);
      for (const field of fieldsOf(route?.body)) {
        for (const value of [1e308, -1e308, 2 ** 63, 2 ** 31]) {
          const before = await databaseFingerprint(instance.db);
          const answer = await instance.call(method, path, { body: { [field]: value } });
          expect(answer.status, `${method} ${path} ${field}=${value}`).toBeLessThan(500);
          if (answer.status >= 400) expect(await databaseFingerprint(instance.db)).toEqual(before);
        }
      }
    }
  });

  describe("limits at their edges", () => {
    it("names, external id, metadata: at the limit stored, one past refused", async () => {
      const meta = (bytes: number) => ({ k: "m".repeat(bytes - '{"k":""}'.length) });
      const ok = await instance.call("POST", "/v1/users", {
        body: {
          email_address: ["edges@example.com"],
          first_name: "f".repeat(256),
          last_name: "l".repeat(256),
          external_id: "e".repeat(255),
          public_metadata: meta(8192),
          private_metadata: meta(8192),
          unsafe_metadata: meta(8192),
        },
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      for (const [field, value] of [
        ["first_name", "f".repeat(257)],
        ["last_name", "l".repeat(257)],
        ["external_id", "e".repeat(256)],
        ["external_id", "e".repeat(10_000)],
        ["public_metadata", meta(8193)],
        ["private_metadata", meta(8193)],
        ["unsafe_metadata", meta(8193)],
      ] as const) {
        const refused = await instance.call("POST", "/v1/users", {
          body: { email_address: [`${field}@example.com`], [field]: value },
        });
        expect(refused.status, field).toBe(422);
        expect(refused.body.errors[0].meta.param_name).toBe(field);
      }
    });

    it("a metadata merge that would grow past 8 KB is refused and changes nothing", async () => {
      const user = await instance.call("POST", "/v1/users", {
        body: { email_address: ["merge@example.com"] },
      });
      const first = await instance.call("PATCH", `/v1/users/${user.body.id}/metadata`, {
        body: { public_metadata: { a: "a".repeat(5000) } },
      });
      expect(first.status).toBe(200);
      const before = await databaseFingerprint(instance.db);
      const second = await instance.call("PATCH", `/v1/users/${user.body.id}/metadata`, {
        body: { public_metadata: { b: "b".repeat(5000) } },
      });
      expect(second.status).toBe(422);
      expect(second.body.errors[0]).toMatchObject({
        code: "form_param_max_length_exceeded",
        meta: { param_name: "public_metadata" },
      });
      expect(await databaseFingerprint(instance.db)).toEqual(before);
    });

    it("organization names and slugs, template claims, webhook URLs", async () => {
      const creator = await instance.call("POST", "/v1/users", {
        body: { email_address: ["org-edges@example.com"] },
      });
      const org = await instance.call("POST", "/v1/organizations", {
        body: { name: "n".repeat(256), slug: "s".repeat(256), created_by: creator.body.id },
      });
      expect(org.status, JSON.stringify(org.body)).toBe(200);
      const refusals = await Promise.all([
        instance.call("POST", "/v1/organizations", { body: { name: "n".repeat(257) } }),
        instance.call("POST", "/v1/organizations", { body: { name: "ok", slug: "s".repeat(257) } }),
        instance.call("POST", "/v1/jwt_templates", {
          body: { name: "big", claims: { c: "c".repeat(9000) } },
        }),
        instance.call("POST", "/v1/webhooks/endpoints", {
          body: { url: `https://example.com/${"p".repeat(3000)}` },
        }),
      ]);
      expect(refusals.map((r) => [r.status, r.body.errors[0].meta.param_name])).toEqual([
        [422, "name"],
        [422, "slug"],
        [422, "claims"],
        [422, "url"],
      ]);
    });

    it("anonymous sign-up with 9 KB of unsafe_metadata is refused and stores nothing", async () => {
      const before = await databaseFingerprint(instance.db);
      const answer = await instance.browser().call("POST", "/v1/client/sign_ups", {
        form: {
          email_address: "meta@example.com",
          unsafe_metadata: JSON.stringify({ k: "u".repeat(9000) }),
        },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].meta.param_name).toBe("unsafe_metadata");
      expect(await databaseFingerprint(instance.db)).toEqual(before);
    });
  });
});

describe("abuse: oversized bodies over HTTP", () => {
  const instance = useTestInstance({ overHttp: true });

  /**
   * Streams a chunked body to `path` without end (bounded at 64 MiB and 10 s) and reports when
   * the answer arrived, what it was, and when the server closed the connection.
   */
  const streamForever = (path: string, headers: string) =>
    new Promise<{ status: number; answeredAfterBytes: number; closedMs: number }>(
      (resolve, reject) => {
        const url = new URL(instance.baseUrl);
        const socket = connect(Number(url.port), url.hostname);
        const started = Date.now();
        let sent = 0;
        let answer = "";
        let answeredAfterBytes = -1;
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const frame = Buffer.concat([
          Buffer.from(`${chunk.length.toString(16)}\r\n`),
          chunk,
          Buffer.from("\r\n"),
        ]);
        const timer = setInterval(() => {
          if (socket.destroyed || sent > 64 * 1024 * 1024) return;
          for (let i = 0; i < 4 && socket.writable; i++) {
            socket.write(frame);
            sent += chunk.length;
          }
        }, 2);
        const deadline = setTimeout(() => {
          clearInterval(timer);
          socket.destroy();
          reject(new Error(`connection still open after 10 s (answer: ${answer.slice(0, 80)})`));
        }, 10_000);
        socket.on("data", (data) => {
          if (answeredAfterBytes < 0) answeredAfterBytes = sent;
          answer += data.toString("latin1");
        });
        socket.on("error", () => {});
        socket.on("close", () => {
          clearInterval(timer);
          clearTimeout(deadline);
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
          resolve({ status, answeredAfterBytes, closedMs: Date.now() - started });
        });
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nTransfer-Encoding: chunked\r\n${headers}\r\n`,
        );
      },
    );

  it("Backend API: 413 once the cap is passed, and the connection is closed", async () => {
    const result = await streamForever(
      "/v1/users",
      `Authorization: Bearer ${TEST_SECRET_KEY}\r\nContent-Type: application/json\r\n`,
    );
    expect(result.status).toBe(413);
    expect(result.answeredAfterBytes).toBeLessThan(8 * DEFAULT_MAX_BODY_BYTES);
    expect(result.closedMs).toBeLessThan(10_000);
  });

  it("Frontend API sign-up: 413 once the cap is passed, and the connection is closed", async () => {
    const before = await databaseFingerprint(instance.db);
    const result = await streamForever(
      "/__clerk/v1/client/sign_ups",
      "Origin: http://localhost:3000\r\nContent-Type: application/x-www-form-urlencoded\r\n",
    );
    expect(result.status).toBe(413);
    expect(result.answeredAfterBytes).toBeLessThan(8 * DEFAULT_MAX_BODY_BYTES);
    expect(await databaseFingerprint(instance.db)).toEqual(before);
  });
});
