/**
 * Fuzz: arbitrary JSON bodies, non-JSON bodies, path ids and query strings through the Backend
 * API. Every answer is a 2xx or a coded 4xx in Clerk's envelope, never a 5xx; a 4xx leaves the
 * database exactly as it was (every table's rows, the webhook outbox included).
 * `FUZZ_RUNS` sets the runs per property (`pnpm fuzz`); the default keeps `pnpm test` quick.
 * Runs on PostgreSQL when `DATABASE_URL` is set, else on PGlite.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns, fuzzTimeout, propertyParams } from "../../../../test/property-params.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import type { AnyRoute } from "../http/define-route.js";
import { backendApiRoutes } from "../http/routes/backend-api-routes.js";
import { DEFAULT_TEST_TARGET } from "../store/test-databases.test-helpers.js";
import { expectCodedAnswer } from "./coded-answer.test-helpers.js";
import { databaseFingerprint } from "./database-fingerprint.test-helpers.js";
import { fuzzFieldValue, fuzzJson, fuzzRawBody, fuzzString } from "./fuzz-values.test-helpers.js";

const serverErrors: string[] = [];
const instance = useTestInstance({
  target: DEFAULT_TEST_TARGET,
  logger: {
    info: () => {},
    error: (message, fields) => serverErrors.push(`${message} ${JSON.stringify(fields)}`),
  },
});

/** Ids of real resources, by path-parameter name, made once before the properties run. */
const ids: Record<string, string[]> = {};

async function create(path: string, body: unknown): Promise<Record<string, unknown>> {
  const answer = await instance.call("POST", path, { body });
  expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).toBe(200);
  return answer.body;
}

beforeAll(async () => {
  const user = await create("/v1/users", {
    email_address: ["fixture@example.com"],
    phone_number: ["+15555550100"],
    username: "fixture_user",
    password: "correct horse battery staple",
  });
  const member = await create("/v1/users", { email_address: ["member@example.com"] });
  const org = await create("/v1/organizations", { name: "Fixture", created_by: user.id });
  await create(`/v1/organizations/${org.id}/memberships`, {
    user_id: member.id,
    role: "org:member",
  });
  const session = await create("/v1/sessions", { user_id: user.id });
  const template = await create("/v1/jwt_templates", { name: "fixture", claims: { a: 1 } });
  const endpoint = await create("/v1/webhooks/endpoints", { url: "https://example.com/hook" });
  const invitation = await create("/v1/invitations", { email_address: "invited@example.com" });
  const orgInvitation = await create(`/v1/organizations/${org.id}/invitations`, {
    email_address: "org-invited@example.com",
    role: "org:member",
  });
  const emails = user.email_addresses as Array<{ id: string }>;
  const phones = user.phone_numbers as Array<{ id: string }>;
  Object.assign(ids, {
    user_id: [String(user.id), String(member.id)],
    organization_id: [String(org.id), String(org.slug)],
    session_id: [String(session.id)],
    client_id: [String(session.client_id)],
    template_id: [String(template.id)],
    template_name: ["fixture"],
    endpoint_id: [String(endpoint.id)],
    invitation_id: [String(invitation.id), String(orgInvitation.id)],
    email_address_id: emails.map((e) => e.id),
    phone_number_id: phones.map((p) => p.id),
  });
});

/** Field names of a route's zod object schema (its body or query). */
function fieldsOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function routeFor(method: string, path: string): AnyRoute {
  const route = backendApiRoutes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  return route;
}

/** Valid starting bodies, so fuzzed fields get past required ones and reach the store. */
const BASE_BODIES: Record<string, () => Record<string, unknown>> = {
  "POST /v1/organizations": () => ({ name: "Fuzz Org" }),
  "POST /v1/jwt_templates": () => ({ name: `t${Math.random()}`, claims: {} }),
  "POST /v1/sessions": () => ({ user_id: ids.user_id?.[0] }),
  "POST /v1/email_addresses": () => ({
    user_id: ids.user_id?.[0],
    email_address: `e${Math.random().toString(36).slice(2)}@example.com`,
  }),
  "POST /v1/phone_numbers": () => ({ user_id: ids.user_id?.[0], phone_number: "+15555550199" }),
  "POST /v1/invitations": () => ({
    email_address: `i${Math.random().toString(36).slice(2)}@example.com`,
  }),
  "POST /v1/webhooks/endpoints": () => ({ url: `https://example.com/${Math.random()}` }),
  "POST /v1/organizations/{organization_id}/memberships": () => ({
    user_id: ids.user_id?.[1],
    role: "org:member",
  }),
  "POST /v1/organizations/{organization_id}/invitations": () => ({
    email_address: `o${Math.random().toString(36).slice(2)}@example.com`,
    role: "org:member",
  }),
};

/** One request the fuzzer sends. */
interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | undefined;
}

const PARAM = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Percent-encodes every byte of the UTF-8 text but unreserved characters (an unpaired surrogate
 * becomes U+FFFD, as in any client), so a fuzzed id stays one path segment.
 */
function percentEncode(value: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(value)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(char) ? char : `%${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}

/** A path with each `{param}` a real id (mostly) or an arbitrary string. */
function pathFor(template: string): fc.Arbitrary<string> {
  const names = [...template.matchAll(PARAM)].map((m) => m[1] as string);
  if (names.length === 0) return fc.constant(template);
  const segments = names.map((_name) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fuzzString() },
    ),
  );
  return fc.tuple(fc.tuple(...segments), fc.nat()).map(([values, pick]) => {
    let i = 0;
    return template.replace(PARAM, (_m, name: string) => {
      const fuzzed = values[i++];
      const real = ids[name] ?? ["missing"];
      const value = fuzzed === undefined ? (real[pick % real.length] as string) : fuzzed;
      return percentEncode(value);
    });
  });
}

/** Bodies for a route: a valid base with fuzzed fields, any JSON, or text that is not JSON. */
function bodyFor(route: AnyRoute): fc.Arbitrary<Pick<FuzzRequest, "body" | "contentType">> {
  const fields = fieldsOf(route.body);
  const realIds = Object.values(ids).flat();
  const base = BASE_BODIES[`${route.method} ${route.path}`];
  const fuzzedFields = fc
    .uniqueArray(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...fields, "unknown_field") },
        { weight: 1, arbitrary: fuzzString() },
      ),
      { maxLength: 4 },
    )
    .chain((keys) =>
      fc
        .tuple(...keys.map(() => fuzzFieldValue(realIds)))
        .map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]]))),
    );
  const json = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fuzzedFields, fc.boolean())
        .map(([fuzzed, withBase]) => ({ ...(withBase && base ? base() : {}), ...fuzzed })),
    },
    { weight: 1, arbitrary: fuzzJson(realIds) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: json.map((value) => ({
        body: JSON.stringify(value) ?? "null",
        contentType: "application/json",
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fuzzRawBody, fc.constantFrom("application/json", "text/plain", undefined))
        .map(([body, contentType]) => ({ body, contentType })),
    },
  );
}

/** Query strings for a route: its own parameters with fuzzed values, repeated keys, raw text. */
function queryFor(route: AnyRoute): fc.Arbitrary<string> {
  const fields = fieldsOf(route.query);
  if (fields.length === 0) return fc.constant("");
  const value = fc.oneof(
    fuzzString(Object.values(ids).flat()),
    fc.integer().map(String),
    fc.constantFrom("true", "false", "500", "501", "0", "-1", "1e3", "9007199254740993"),
  );
  const structured = fc
    .array(fc.tuple(fc.constantFrom(...fields), value), { maxLength: 6 })
    .map((pairs) => {
      const params = new URLSearchParams();
      for (const [key, v] of pairs) params.append(key, v);
      return params.toString();
    });
  const raw = fc.oneof(
    fc.string({ maxLength: 60 }).map((text) => encodeURI(text.replace(/[\ud800-\udfff]/g, ""))),
    fc.constantFrom(
      "%",
      "%zz",
      "%00",
      "q=%ED%A0%80",
      "%E0%A4%A",
      "limit=%FF",
      "a=1&&&=&==",
      `${"x=1&".repeat(500)}`,
    ),
  );
  return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: raw });
}

function requestsFor(route: AnyRoute): fc.Arbitrary<FuzzRequest> {
  const noBody = fc.constant({ body: undefined, contentType: undefined });
  return fc
    .tuple(pathFor(route.path), queryFor(route), route.body ? bodyFor(route) : noBody)
    .map(([path, query, body]) => ({ method: route.method, path, query, ...body }));
}

/** What a 4xx must leave unchanged: every table, and the users count the SDK reads. */
async function snapshot() {
  const count = await instance.call("GET", "/v1/users/count");
  return {
    users: count.body.total_count as number,
    tables: await databaseFingerprint(instance.db),
  };
}

/** Sends one request and checks the answer (and, for a 4xx, that nothing changed). */
async function check(request: FuzzRequest): Promise<void> {
  const before = await snapshot();
  const url = `${request.path}${request.query ? `?${request.query}` : ""}`;
  const context = `${request.method} ${url.slice(0, 200)} ${String(request.body).slice(0, 300)}`;
  serverErrors.length = 0;
  const response = await instance.fetch(url, {
    method: request.method,
    headers: {
      Authorization: `Bearer ${TEST_SECRET_KEY}`,
      ...(request.contentType ? { "Content-Type": request.contentType } : {}),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  if (response.status >= 500) {
    throw new Error(`${context}\n→ ${response.status}; server log: ${serverErrors.join("\n")}`);
  }
  const answer = await expectCodedAnswer(response, context);
  if (answer.status >= 400) {
    expect(await snapshot(), `${context} → ${answer.code}: the database changed`).toEqual(before);
  }
}

/** The most used input routes, each fuzzed on its own; every other input route follows. */
const REPRESENTATIVE: Array<[method: string, path: string]> = [
  ["POST", "/v1/users"],
  ["PATCH", "/v1/users/{user_id}"],
  ["PATCH", "/v1/users/{user_id}/metadata"],
  ["POST", "/v1/organizations"],
  ["POST", "/v1/jwt_templates"],
  ["POST", "/v1/sessions"],
  ["GET", "/v1/users"],
  ["POST", "/v1/email_addresses"],
  ["POST", "/v1/invitations"],
  ["POST", "/v1/webhooks/endpoints"],
  ["PATCH", "/v1/webhooks/endpoints/{endpoint_id}"],
];

/** Every other secret-key route that takes a body or a query (deletions left out: they only take an id). */
const OTHERS = backendApiRoutes.filter(
  (route) =>
    route.auth === "secret_key" &&
    route.method !== "DELETE" &&
    (route.body !== undefined || route.query !== undefined) &&
    !REPRESENTATIVE.some(([method, path]) => route.method === method && route.path === path),
);

describe(`fuzz: Backend API inputs on ${DEFAULT_TEST_TARGET.label}`, () => {
  const runs = fuzzRuns(25);

  it.each(REPRESENTATIVE)(
    "fuzz: %s %s answers 2xx or a coded 4xx that changed nothing",
    { timeout: fuzzTimeout(runs, 500) },
    async (method, path) => {
      await fc.assert(
        fc.asyncProperty(requestsFor(routeFor(method, path)), check),
        propertyParams({
          numRuns: runs,
        }),
      );
    },
  );

  it("fuzz: every other route with a body or query answers 2xx or a coded 4xx that changed nothing", {
    timeout: fuzzTimeout(runs * 3, 500),
  }, async () => {
    const anyRoute = fc.constantFrom(...OTHERS).chain(requestsFor);
    await fc.assert(fc.asyncProperty(anyRoute, check), propertyParams({ numRuns: runs * 3 }));
  });
});

/** Inputs the fuzzer (or a probe beside it) found answering 500, replayed on every run. */
const FINDINGS: Array<
  [name: string, method: string, path: () => string, body: string, code: string]
> = [
  [
    "NUL in a text field",
    "POST",
    () => "/v1/users",
    '{"first_name":"a\\u0000b"}',
    "form_param_format_invalid",
  ],
  [
    "NUL in a metadata key",
    "PATCH",
    () => `/v1/users/${ids.user_id?.[0]}/metadata`,
    '{"public_metadata":{"k\\u0000":1}}',
    "form_param_format_invalid",
  ],
  ["NUL in a query value", "GET", () => "/v1/users?query=%00", "", "form_param_format_invalid"],
  ["NUL in a path id", "POST", () => "/v1/sessions/sess_%00/tokens", "", "resource_not_found"],
  [
    "an unpaired surrogate in metadata (jsonb)",
    "POST",
    () => "/v1/users",
    '{"public_metadata":{"a":"\\ud800"}}',
    "form_param_format_invalid",
  ],
  [
    "an unpaired surrogate in an organization name",
    "POST",
    () => "/v1/organizations",
    '{"name":"x\\udc00"}',
    "form_param_format_invalid",
  ],
  [
    "metadata nested 5000 levels deep",
    "POST",
    () => "/v1/organizations",
    `{"name":"deep","public_metadata":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`,
    "request_body_invalid",
  ],
  [
    "create_organizations_limit beyond a SQL integer",
    "POST",
    () => "/v1/users",
    '{"create_organizations_limit":2147483648}',
    "form_param_format_invalid",
  ],
  [
    "create_organizations_limit beyond a SQL integer (update)",
    "PATCH",
    () => `/v1/users/${ids.user_id?.[0]}`,
    '{"create_organizations_limit":1e12}',
    "form_param_format_invalid",
  ],
  [
    "max_allowed_memberships beyond a SQL integer",
    "POST",
    () => "/v1/organizations",
    '{"name":"big","max_allowed_memberships":2147483648}',
    "form_param_format_invalid",
  ],
  [
    "max_allowed_memberships beyond a SQL integer (update)",
    "PATCH",
    () => `/v1/organizations/${ids.organization_id?.[0]}`,
    '{"max_allowed_memberships":4294967296}',
    "form_param_format_invalid",
  ],
];

describe("inputs that once answered 500, replayed", () => {
  it.each(FINDINGS)("%s: a coded 4xx, nothing changed", async (_name, method, path, body, code) => {
    const request: FuzzRequest = {
      method,
      path: path(),
      query: "",
      body: body === "" ? undefined : body,
      contentType: body === "" ? undefined : "application/json",
    };
    const before = await snapshot();
    const response = await instance.fetch(request.path, {
      method,
      headers: { Authorization: `Bearer ${TEST_SECRET_KEY}`, "Content-Type": "application/json" },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const answer = await expectCodedAnswer(response, `${method} ${request.path}`);
    expect(answer.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });
});

/** `Authorization` values near the secret key, and arbitrary ones. */
const authorizationValue: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "",
    "Bearer",
    "Bearer ",
    `Basic ${btoa(`${TEST_SECRET_KEY}:`)}`,
    `Token ${TEST_SECRET_KEY}`,
    `Bearer ${TEST_SECRET_KEY.toUpperCase()}`,
    `Bearer ${TEST_SECRET_KEY.replace("sk_test_", "sk_live_")}`,
    `Bearer ${TEST_SECRET_KEY.replace("sk_test_", "pk_test_")}`,
    `Bearer ${TEST_SECRET_KEY}, Bearer ${TEST_SECRET_KEY}`,
    `Bearer ${TEST_SECRET_KEY}\u0000`,
    `Bearer "${TEST_SECRET_KEY}"`,
    `Bearer ${TEST_SECRET_KEY}${"A".repeat(100_000)}`,
  ),
  fc
    .tuple(fc.nat({ max: TEST_SECRET_KEY.length - 1 }), fc.string({ maxLength: 2 }))
    .map(
      ([at, put]) => `Bearer ${TEST_SECRET_KEY.slice(0, at)}${put}${TEST_SECRET_KEY.slice(at + 1)}`,
    ),
  fc.nat({ max: TEST_SECRET_KEY.length }).map((cut) => `Bearer ${TEST_SECRET_KEY.slice(0, cut)}`),
  fc
    .tuple(
      fc.constantFrom("bearer", "BEARER", "Bearer\t", "Bearer  "),
      fc.constantFrom("", " ", "\t"),
    )
    .map(([scheme, tail]) => `${scheme} ${TEST_SECRET_KEY}${tail}`),
);

/** The one Bearer value in `value`: the scheme (any case), blanks, the value, maybe blanks. */
const bearerValue = (value: string | null) => /^bearer[ \t]+(\S+)[ \t]*$/i.exec(value ?? "")?.[1];

/** The values the instance must accept: exactly the key, as one Bearer value. */
function isTheKey(value: string): boolean {
  return bearerValue(value) === TEST_SECRET_KEY;
}

/**
 * The code a refused value is answered with: `clerk_key_invalid` for a Bearer value not shaped
 * like a secret key (`sk_test_` or `sk_live_`, then 8 or more key characters), else
 * `authentication_invalid` (no Bearer value, or a well-formed key that is not the instance's).
 */
function refusalCode(value: string | null): string {
  const presented = bearerValue(value);
  if (presented === undefined) return "authentication_invalid";
  return /^sk_(test|live)_[A-Za-z0-9_\-+/=]{8,}$/.test(presented)
    ? "authentication_invalid"
    : "clerk_key_invalid";
}

const GUARDED: Array<{ method: string; path: string; body?: unknown }> = [
  { method: "POST", path: "/v1/users", body: { first_name: "Mallory" } },
  { method: "POST", path: "/v1/organizations", body: { name: "Mallory Inc" } },
  { method: "GET", path: "/v1/users" },
  { method: "GET", path: "/v1/jwks" },
];

describe(`fuzz: the secret key on ${DEFAULT_TEST_TARGET.label}`, () => {
  const runs = fuzzRuns(40);

  it("fuzz: any Authorization but the key answers a coded 401 and changes nothing", {
    timeout: fuzzTimeout(runs, 500),
  }, async () => {
    await fc.assert(
      fc.asyncProperty(authorizationValue, fc.constantFrom(...GUARDED), async (value, target) => {
        const headers = new Headers({ "Content-Type": "application/json" });
        try {
          if (value !== undefined) headers.set("Authorization", value);
        } catch {
          fc.pre(false); // Not a valid header value: no client can send it.
        }
        const sent = headers.get("Authorization");
        const before = await snapshot();
        const context = `${target.method} ${target.path} with Authorization ${JSON.stringify(sent?.slice(0, 80))}`;
        const response = await instance.fetch(target.path, {
          method: target.method,
          headers,
          ...(target.body === undefined ? {} : { body: JSON.stringify(target.body) }),
        });
        const answer = await expectCodedAnswer(response, context);
        if (sent !== null && isTheKey(sent)) {
          expect(answer.status, context).toBe(200);
          return;
        }
        expect(answer.status, context).toBe(401);
        expect(answer.code, context).toBe(refusalCode(sent));
        expect(await snapshot(), context).toEqual(before);
      }),
      propertyParams({ numRuns: runs }),
    );
  });
});
