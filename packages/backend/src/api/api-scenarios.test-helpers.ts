import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { bapi, responseProblems, specProblems } from "./bapi-spec.test-helpers.js";
import { type BackendApiClient, createBackendApiClient } from "./create-backend-api-client.js";
import { createFakeFetch, jsonResponse, type RecordedCall } from "./fake-fetch.test-helpers.js";

export const TEST_SECRET_KEY = "sk_test_c2VjcmV0LWZvci10ZXN0cw";

/** One request a scenario expects, with the exact query and body the client must send. */
export interface ExpectedCall {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path below `/v1`, as sent (encoded). */
  path: string;
  /** Every query key sent, with all its values; omitted means "no query at all". */
  query?: Record<string, string | string[]>;
  /** Exact JSON body; omitted means "no body" (unless `form` is given). */
  body?: unknown;
  /** Names of the multipart fields sent. */
  form?: string[];
}

/** A client call, the requests it must make, and what the fake server answers. */
export interface ApiScenario {
  name: string;
  call: (api: BackendApiClient) => Promise<unknown>;
  expected: ExpectedCall[];
  /** JSON the server answers each request with (status 200). */
  reply: (call: RecordedCall) => unknown;
  /** Extra checks on the value the method resolved to. */
  check?: (result: unknown) => void;
}

async function run(scenario: ApiScenario) {
  const replies = new Map<RecordedCall, unknown>();
  const fake = createFakeFetch((call) => {
    const body = scenario.reply(call);
    replies.set(call, body);
    return jsonResponse(body);
  });
  const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
  const result = await scenario.call(api);
  return { result, calls: fake.calls, replies };
}

function normalizeQuery(query: Record<string, string | string[]> = {}) {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value : [value]]),
  );
}

/**
 * Declares two suites for a resource: behaviour (method, path, query, headers, body, result) and
 * contract (every call and every fixture checked against clerk-bapi.yml, skipped with the reason
 * without it). The contract suite only checks shapes: behaviour is all in the first.
 */
export function describeApiScenarios(title: string, scenarios: ApiScenario[]): void {
  describe(title, () => {
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const { result, calls } = await run(scenario);
        expect(calls).toHaveLength(scenario.expected.length);
        for (const expected of scenario.expected) {
          const call = calls.find((c) => c.method === expected.method && c.path === expected.path);
          expect(call, `${expected.method} ${expected.path} was not called`).toBeDefined();
          if (!call) continue;
          expect(call.url.origin).toBe("https://api.clerk.com");
          expect(call.url.pathname.startsWith("/v1/")).toBe(true);
          expect(call.query).toEqual(normalizeQuery(expected.query));
          expect(call.headers.get("authorization")).toBe(`Bearer ${TEST_SECRET_KEY}`);
          expect(call.headers.get("clerk-api-version")).toBe("2026-05-12");
          expect(call.headers.get("user-agent")).toBe("@latchkey/backend@0.1.0");
          if (expected.form) {
            expect(call.form ? [...new Set(call.form.keys())] : undefined).toEqual(expected.form);
          } else if (expected.body === undefined) {
            expect(call.json).toBeUndefined();
          } else {
            expect(call.headers.get("content-type")).toBe("application/json");
            expect(call.json).toEqual(expected.body);
          }
        }
        scenario.check?.(result);
      });
    }
  });

  describe(`${title} against clerk-bapi.yml`, skipWhen(bapi.skipReason), () => {
    for (const scenario of scenarios) {
      it(`${scenario.name}: request declared and reply shaped by the spec`, async () => {
        const { calls, replies } = await run(scenario);
        for (const call of calls) {
          expect(specProblems(call)).toEqual([]);
          expect(responseProblems(call, replies.get(call))).toEqual([]);
        }
      });
    }
  });
}

/**
 * Declares one test per call: each must reject with `invalid-resource-id` before any request.
 * Pass calls made with an empty or blank id.
 */
export function describeEmptyIdChecks(
  title: string,
  calls: Record<string, (api: BackendApiClient) => Promise<unknown>>,
): void {
  describe(`${title}: empty ids`, () => {
    for (const [name, call] of Object.entries(calls)) {
      it(`${name} rejects an empty id before any request`, async () => {
        const fake = createFakeFetch(() => jsonResponse({}));
        const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
        await expect(call(api)).rejects.toMatchObject({ code: "invalid-resource-id" });
        expect(fake.calls).toHaveLength(0);
      });
    }
  });
}
