/**
 * Fuzz: arbitrary form bodies (arbitrary and repeated keys, huge values, any Unicode), JSON and
 * raw bodies, path ids, cookies and `Origin`s through the Frontend API's sign-up, sign-in,
 * verification, session and `/v1/me` routes, with and without the right client. Every answer is a
 * 2xx or a coded 4xx in Clerk's envelope, never a 5xx; a 4xx leaves the users, sessions, clients,
 * emails and webhook outbox as they were (rate-limit counters and attempt counts may move: they
 * are meant to). `FUZZ_RUNS` sets the runs per property (`pnpm fuzz`); the default keeps
 * `pnpm test` quick. Runs on PostgreSQL when `DATABASE_URL` is set, else on PGlite.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns, fuzzTimeout, propertyParams } from "../../../../test/property-params.js";
import { TEST_APP_ORIGIN } from "../../test/frontend-test-browser.js";
import { useTestInstance } from "../../test/test-instance.js";
import { frontendApiRoutes } from "../http/routes/frontend/frontend-api-routes.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";
import { createRateLimiter } from "../rate-limits/create-rate-limiter.js";
import { DEFAULT_TEST_TARGET } from "../store/test-databases.test-helpers.js";
import { fuzzJson, fuzzRawBody, fuzzString } from "./fuzz-values.test-helpers.js";

const serverErrors: string[] = [];
let limiter: ReturnType<typeof createRateLimiter> | undefined;
const instance = useTestInstance({
  target: DEFAULT_TEST_TARGET,
  // The real limiter with limits raised, so fuzzed requests reach the routes' own checks.
  frontendApi: {
    rateLimiter: {
      consume: (rule, key) => {
        limiter ??= createRateLimiter({ store: instance.store, clock: instance.clock });
        return limiter.consume({ ...rule, limit: rule.limit * 1000 }, key);
      },
    },
  },
  logger: {
    info: () => {},
    error: (message, fields) => serverErrors.push(`${message} ${JSON.stringify(fields)}`),
  },
});

/** Client tokens of fixture browsers, by role, and ids of their resources by path parameter. */
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const user = await instance.call("POST", "/v1/users", {
    body: { email_address: ["fixture@example.com"], username: "fixture", password: TEST_PASSWORD },
  });
  expect(user.status).toBe(200);

  const signedIn = instance.browser();
  const session = await signedIn.call("POST", "/v1/client/sign_ins", {
    form: { identifier: "fixture@example.com", password: TEST_PASSWORD },
  });
  expect(session.status, JSON.stringify(session.body)).toBe(200);
  ids.session_id = session.body.response.created_session_id;
  cookies.session = signedIn.cookies.get("__client") ?? "";

  const signingUp = instance.browser();
  const signUp = await signingUp.call("POST", "/v1/client/sign_ups", {
    form: { email_address: "pending+clerk_test@example.com", strategy: "email_code" },
  });
  expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
  ids.sign_up_id = signUp.body.response.id;
  cookies.sign_up = signingUp.cookies.get("__client") ?? "";

  const signingIn = instance.browser();
  const signIn = await signingIn.call("POST", "/v1/client/sign_ins", {
    form: { identifier: "fixture" },
  });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  ids.sign_in_id = signIn.body.response.id;
  cookies.sign_in = signingIn.cookies.get("__client") ?? "";
});

/** The routes fuzzed, with the fixture browser whose client owns their path ids. */
const TARGETS: Array<{ method: string; path: string; owner: string }> = [
  { method: "POST", path: "/v1/client/sign_ups", owner: "sign_up" },
  { method: "POST", path: "/v1/client/sign_ins", owner: "sign_in" },
  { method: "PATCH", path: "/v1/client/sign_ups/{sign_up_id}", owner: "sign_up" },
  {
    method: "POST",
    path: "/v1/client/sign_ups/{sign_up_id}/attempt_verification",
    owner: "sign_up",
  },
  {
    method: "POST",
    path: "/v1/client/sign_ins/{sign_in_id}/attempt_first_factor",
    owner: "sign_in",
  },
  { method: "POST", path: "/v1/client/sessions/{session_id}/touch", owner: "session" },
  { method: "POST", path: "/v1/client/sessions/{session_id}/tokens", owner: "session" },
  { method: "PATCH", path: "/v1/me", owner: "session" },
];

/** Field names of a route's zod body schema. */
function fieldsOf(method: string, path: string): string[] {
  const route = frontendApiRoutes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no Frontend API route ${method} ${path}`);
  const shape = (route.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** One request the fuzzer sends. */
interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Values of a form field: nasty strings, Unicode, huge ones, valid-looking ones. */
const formValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fuzzString(["fixture@example.com", "fixture", TEST_PASSWORD, "424242"]) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom("password", "email_code", "totp", "backup_code") },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("a", "é", "😀", "%", "\u0000", "x@"),
        fc.integer({ min: 1, max: 200_000 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
);

/** A form: pairs of (a field of the route, or anything) and a value; keys may repeat. */
function formFor(fields: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...fields, "unknown_field", "_method") },
    { weight: 2, arbitrary: fuzzString() },
  );
  return fc.array(fc.tuple(key, formValue), { maxLength: 6 }).map((pairs) => {
    const form = new URLSearchParams();
    for (const [name, value] of pairs) form.append(name, value);
    return form.toString();
  });
}

/** The `Cookie` / `Authorization` a request carries. */
function credentialFor(owner: string): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(owner).map((o) => ({ Cookie: `__client=${cookies[o]}` })) },
    { weight: 2, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("session", "sign_up", "sign_in")
        .map((o) => ({ Cookie: `__client=${cookies[o]}` })),
    },
    { weight: 1, arbitrary: fc.constant(owner).map((o) => ({ Authorization: `${cookies[o]}` })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 60 }),
          fc.constantFrom("__client", "__session", "__client_uat"),
        )
        .map(([value, name]) => ({ Cookie: `${name}=${encodeURIComponent(value)}` })),
    },
  );
}

/** Path ids: the fixture's (mostly), another fixture's, or arbitrary (raw or percent-encoded). */
function pathFor(template: string): fc.Arbitrary<string> {
  if (!template.includes("{")) return fc.constant(template);
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...Object.keys(ids)).map((k) => ids[k] ?? "") },
    { weight: 1, arbitrary: fuzzString().map(encodeURIComponentLoosely) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "%ED%A0%80", "..", "."),
    },
  );
  return segment.map((value) =>
    template.replace(/\{([a-z_]+)\}/, (_m, name: string) => value ?? ids[name] ?? "missing"),
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encodes like `encodeURIComponent`, turning lone surrogates into U+FFFD as clients do. */
function encodeURIComponentLoosely(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, "\ufffd"));
}

function requestsFor(target: (typeof TARGETS)[number]): fc.Arbitrary<FuzzRequest> {
  const fields = fieldsOf(target.method, target.path);
  const body = fc.oneof(
    {
      weight: 8,
      arbitrary: formFor(fields).map((text) => ({
        body: text,
        type: "application/x-www-form-urlencoded",
      })),
    },
    {
      weight: 1,
      arbitrary: fuzzJson(["fixture@example.com"]).map((value) => ({
        body: JSON.stringify(value) ?? "null",
        type: "application/json",
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fuzzRawBody, fc.constantFrom("application/json", "text/plain", undefined))
        .map(([text, type]) => ({ body: text, type })),
    },
  );
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string | undefined>(TEST_APP_ORIGIN) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("https://evil.example", "null", "http://localhost:3000/"),
    },
  );
  // PATCH goes as Clerk's components send it: `POST …?_method=PATCH`.
  const viaOverride = target.method === "PATCH" ? fc.boolean() : fc.constant(false);
  return fc
    .tuple(pathFor(target.path), body, credentialFor(target.owner), origin, viaOverride)
    .map(([path, { body: text, type }, credential, from, override]) => ({
      method: override ? "POST" : target.method,
      url: `/__clerk${path}${override ? "?_method=PATCH" : ""}`,
      headers: {
        ...credential,
        ...(type === undefined ? {} : { "Content-Type": type }),
        ...(from === undefined ? {} : { Origin: from }),
      },
      body: text,
    }));
}

/** What a 4xx must leave unchanged. */
async function counts(): Promise<Record<string, number>> {
  const [row] = await instance.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM users) AS users,
            (SELECT count(*)::int FROM sessions) AS sessions,
            (SELECT count(*)::int FROM clients) AS clients,
            (SELECT count(*)::int FROM emails) AS emails,
            (SELECT count(*)::int FROM webhook_outbox) AS outbox`,
  );
  return row ?? {};
}

/** Sends one request and checks the answer (and, for a 4xx, that nothing that counts changed). */
async function check(request: FuzzRequest): Promise<void> {
  const before = await counts();
  const context = `${request.method} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${String(request.body).slice(0, 300)}`;
  serverErrors.length = 0;
  const response = await instance.fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  if (response.status >= 500) {
    throw new Error(`${context}\n→ ${response.status} ${text.slice(0, 300)}; log: ${serverErrors}`);
  }
  expect(response.headers.get("content-type"), context).toMatch(/^application\/json/);
  const answer = JSON.parse(text) as {
    response?: unknown;
    errors?: Array<{ code?: unknown; message?: unknown; long_message?: unknown }>;
    clerk_trace_id?: unknown;
  };
  for (const secret of [TEST_PASSWORD, ...Object.values(cookies)]) {
    if (request.body?.includes(secret) || JSON.stringify(request.headers).includes(secret)) {
      expect(JSON.stringify(answer.errors ?? []), context).not.toContain(secret);
    }
  }
  if (response.status < 400) {
    // `{ response, client }`, or a bare resource (`tokens` answers `{ object: "token", jwt }`).
    expect(typeof answer === "object" && answer !== null, context).toBe(true);
    return;
  }
  const first = answer.errors?.[0];
  expect(typeof first?.code === "string" && first.code.length > 0, context).toBe(true);
  expect(typeof first?.message, context).toBe("string");
  expect(typeof first?.long_message, context).toBe("string");
  expect(typeof answer.clerk_trace_id, context).toBe("string");
  expect(await counts(), `${context} → ${String(first?.code)}: state changed`).toEqual(before);
}

describe(`fuzz: Frontend API inputs on ${DEFAULT_TEST_TARGET.label}`, () => {
  const runs = fuzzRuns(12);

  it.each(TARGETS.map((t) => [t.method, t.path, t] as const))(
    "fuzz: %s %s answers 2xx or a coded 4xx that changed nothing",
    { timeout: fuzzTimeout(runs, 1000) },
    async (_method, _path, target) => {
      await fc.assert(
        fc.asyncProperty(requestsFor(target), check),
        propertyParams({ numRuns: runs }),
      );
    },
  );
});

/** Inputs the fuzzer (or a probe beside it) found answering 500, replayed on every run. */
const FINDINGS: Array<
  [name: string, method: string, url: () => string, body: string, code: string]
> = [
  [
    "a malformed percent-escape in a path id",
    "GET",
    () => "/__clerk/v1/client/sign_ins/%E0%A4%A",
    "",
    "resource_not_found",
  ],
  [
    "unsafe_metadata that is not JSON, after the names were written",
    "PATCH",
    () => "/__clerk/v1/me",
    "first_name=Changed&unsafe_metadata=",
    "form_param_format_invalid",
  ],
  [
    "a lone % as a path id",
    "POST",
    () => "/__clerk/v1/client/sessions/%/tokens",
    "",
    "resource_not_found",
  ],
];

describe("Frontend API inputs that once answered 500, replayed", () => {
  it.each(FINDINGS)("%s: a coded 4xx, nothing changed", async (_name, method, url, body, code) => {
    const before = await counts();
    const response = await instance.fetch(url(), {
      method,
      headers: {
        Cookie: `__client=${cookies.session}`,
        Origin: TEST_APP_ORIGIN,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      ...(body === "" ? {} : { body }),
    });
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBeLessThan(500);
    expect(answer.errors[0].code).toBe(code);
    expect(await counts()).toEqual(before);
  });
});
