/**
 * Fixtures of the tests that run the middleware and the server helpers against a real instance
 * started in process (never built or shipped): the instance's `fetch`, options and environment,
 * a signed-up browser's cookies, organizations, and the interrupts Next's helpers throw.
 */
import { createPublicKey, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { part } from "../../backend/test/token-fixtures.js";
import { signUpThroughBrowser } from "../../server/src/http/routes/frontend/frontend-flows.test-helpers.js";
import { TEST_APP_ORIGIN, type TestBrowser } from "../../server/test/frontend-test-browser.js";
import {
  TEST_SECRET_KEY,
  type TestInstance,
  useTestInstance,
} from "../../server/test/test-instance.js";
import {
  type ClerkMiddlewareHandler,
  type ClerkMiddlewareOptions,
  clerkMiddleware,
} from "../src/clerk-middleware.js";
import { decodeJwtPayload } from "../src/internal/decode-jwt-payload.js";
import type { MiddlewareAuthObject } from "../src/internal/middleware/middleware-auth.js";
import {
  readSignedAuthState,
  type SignedAuthState,
} from "../src/internal/signed-auth-headers/signed-auth-state.js";
import {
  APP,
  downstreamHeaders,
  fetchEvent,
  type nextRequest,
  OTHER_PRIVATE_PEM,
  signToken,
} from "../src/internal/testing.test-helpers.js";

export { TEST_APP_ORIGIN };

/** A session token lives this long (the instance's default, in ms). */
const SESSION_TOKEN_LIFETIME_MS = 60_000;

/** An instance under test, with every request the app side sent it (`METHOD /path?query`). */
export interface AppInstance {
  instance: TestInstance;
  /** Requests that reached the instance through {@link AppInstance.fetch}. */
  calls: string[];
  /** A `fetch` that hands requests for the instance's URL to its handler, and refuses others. */
  fetch: typeof fetch;
}

/**
 * Starts a fresh instance for the current file (as `useTestInstance`) that also accepts the
 * app's origin ({@link APP}), so the middleware's renewals (`Origin: APP`) are allowed.
 *
 * @example
 * const app = useAppInstance();
 * clerkMiddleware(instanceOptions(app));
 */
export function useAppInstance(): AppInstance {
  const instance = useTestInstance({
    frontendApi: { allowedOrigins: [TEST_APP_ORIGIN, APP] },
    // Always in process: the global `fetch` may be routed to the instance, and `calls` must
    // only record what the app side sent.
    overHttp: false,
  });
  const calls: string[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin !== new URL(instance.baseUrl).origin) {
      throw new Error(`unexpected request outside the instance: ${request.method} ${url.href}`);
    }
    calls.push(`${request.method} ${url.pathname}${url.search}`);
    return instance.handler(request);
  };
  return { instance, calls, fetch: fetchFn as typeof fetch };
}

const optionsByApp = new WeakMap<AppInstance, Map<string, ClerkMiddlewareOptions>>();

/**
 * Options that point the middleware or `getAuth` at the instance: its URL and secret key, its
 * `fetch`, its clock; no `jwtKey` unless `overrides` gives one, so tokens are verified by the
 * instance's JWKS. One object per distinct `overrides` (plain data, no functions), as an app
 * holds its options: the backend keeps a verifier (JWKS and verified tokens) per options object.
 */
export function instanceOptions(
  app: AppInstance,
  overrides: ClerkMiddlewareOptions = {},
): ClerkMiddlewareOptions {
  let known = optionsByApp.get(app);
  if (!known) {
    known = new Map();
    optionsByApp.set(app, known);
  }
  const key = JSON.stringify(overrides);
  let options = known.get(key);
  if (!options) {
    options = {
      secretKey: TEST_SECRET_KEY,
      apiUrl: app.instance.baseUrl,
      fetch: app.fetch,
      now: () => app.instance.clock.now(),
      ...overrides,
    };
    known.set(key, options);
  }
  return options;
}

/**
 * Moves the instance's clock past the expiry of every token issued so far (lifetime plus the
 * verifier's 5 s clock skew).
 */
export function expireSessionTokens(app: AppInstance): void {
  app.instance.clock.advance(SESSION_TOKEN_LIFETIME_MS + 10_000);
}

/** Environment variables naming the instance (for `auth()`, `currentUser()`, `clerkClient()`). */
export function instanceEnv(app: AppInstance): Record<string, string> {
  return { CLERK_SECRET_KEY: TEST_SECRET_KEY, CLERK_API_URL: app.instance.baseUrl };
}

/**
 * For the current file (or `describe`): makes the code that reads the environment, and so the
 * global `fetch` and `Date.now`, reach the instance and share its clock. The global `fetch` goes
 * to the instance; `Date` is faked once for the whole block (verifiers keep the `Date.now` they
 * were made with) and set to the instance's time; call {@link syncDateWithInstance} after moving
 * the instance's clock. Both are undone after the block.
 */
export function useInstanceGlobals(app: AppInstance): void {
  beforeAll(() => {
    vi.stubGlobal("fetch", app.fetch);
    vi.useFakeTimers({ toFake: ["Date"] });
    syncDateWithInstance(app);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}

/** Sets the (fake) `Date` to the instance's clock. */
export function syncDateWithInstance(app: AppInstance): void {
  vi.setSystemTime(app.instance.clock.now());
}

/** A user signed up through the Frontend API, with the browser that did it. */
export interface SignedUpUser {
  userId: string;
  sessionId: string;
  emailAddress: string;
  browser: TestBrowser;
}

/**
 * Signs a user up through the instance's Frontend API (email + password + mailed code); the
 * returned browser holds `__session`, `__client_uat` and `__client`.
 */
export async function signUpUser(app: AppInstance, emailAddress: string): Promise<SignedUpUser> {
  const { browser, userId, sessionId } = await signUpThroughBrowser(app.instance, emailAddress);
  return { userId, sessionId, emailAddress, browser };
}

/**
 * The cookies a browser sends to the app: `__session` and `__client_uat` from the jar, plus
 * `__client` (what renewal needs) unless `withClient` is false. Throws when one is missing.
 */
export function appCookies(browser: TestBrowser, withClient = true): Record<string, string> {
  const names = withClient
    ? ["__session", "__client_uat", "__client"]
    : ["__session", "__client_uat"];
  const cookies: Record<string, string> = {};
  for (const name of names) {
    const value = browser.cookies.get(name);
    if (value === undefined) throw new Error(`the browser has no ${name} cookie`);
    cookies[name] = value;
  }
  return cookies;
}

/**
 * Asks the instance for a fresh session token the way the browser's SDK does
 * (`POST /v1/client/sessions/{id}/tokens`); the jar's `__session` becomes it. Returns it.
 */
export async function refreshSessionToken(user: SignedUpUser): Promise<string> {
  const answer = await user.browser.call("POST", `/v1/client/sessions/${user.sessionId}/tokens`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(sessionTokenOf(user.browser)).toBe(answer.body.jwt);
  return answer.body.jwt;
}

/** The current `__session` token of a browser. */
function sessionTokenOf(browser: TestBrowser): string {
  const token = browser.cookies.get("__session");
  if (token === undefined) throw new Error("the browser has no __session cookie");
  return token;
}

/** The claims of a token (decoded, not verified). Throws when it is not a JWT. */
export function claimsOf(token: string): Record<string, unknown> {
  const claims = decodeJwtPayload(token);
  if (claims === undefined) throw new Error("not a JWT");
  return claims;
}

/** `token` with some claims changed and its original signature kept (a tampered token). */
export function withClaims(token: string, changes: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return `${header}.${part({ ...claimsOf(token), ...changes })}.${signature}`;
}

/** A token with `token`'s claims, signed by another instance's key (an unknown `kid`). */
export function signedByAnotherKey(token: string): string {
  return signToken(claimsOf(token), { privateKey: OTHER_PRIVATE_PEM });
}

/** An organization made through the Backend API. */
export interface TestOrganization {
  id: string;
  slug: string;
}

/**
 * Creates an organization through the Backend API and adds each member with its role
 * (`org:admin` / `org:member`, whose system permissions the instance knows).
 */
export async function createOrganization(
  app: AppInstance,
  name: string,
  slug: string,
  members: ReadonlyArray<{ userId: string; role: string }>,
): Promise<TestOrganization> {
  const created = await app.instance.call("POST", "/v1/organizations", { body: { name, slug } });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  for (const member of members) {
    const added = await app.instance.call(
      "POST",
      `/v1/organizations/${created.body.id}/memberships`,
      { body: { user_id: member.userId, role: member.role } },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
  }
  return { id: created.body.id, slug: created.body.slug };
}

/**
 * Makes `organizationId` the session's active organization through the Frontend API
 * (`touch` with `active_organization_id`); the browser's `__session` then carries it.
 */
export async function activateOrganization(
  user: SignedUpUser,
  organizationId: string,
): Promise<void> {
  const touched = await user.browser.call("POST", `/v1/client/sessions/${user.sessionId}/touch`, {
    form: { active_organization_id: organizationId },
  });
  expect(touched.status, JSON.stringify(touched.body)).toBe(200);
}

/** The instance's current signing key as a PEM public key (from the Backend API's JWKS). */
export async function instancePublicKeyPem(app: AppInstance): Promise<string> {
  const answer = await app.instance.call<{ keys: JsonWebKey[] }>("GET", "/v1/jwks");
  expect(answer.status).toBe(200);
  const [jwk] = answer.body.keys;
  if (jwk === undefined) throw new Error("the instance publishes no key");
  return createPublicKey({ key: jwk, format: "jwk" })
    .export({ type: "spki", format: "pem" })
    .toString();
}

/** What Next's `redirect()`, `notFound()` or `unauthorized()` threw. */
export type NextInterrupt =
  | { kind: "redirect"; location: string; status: number }
  | { kind: "http"; status: number };

/**
 * Awaits `work` and returns the Next interrupt it threw (by its `digest`). Throws when it
 * resolved or threw anything else.
 */
export async function nextInterruptOf(
  work: Promise<unknown> | (() => unknown),
): Promise<NextInterrupt> {
  let thrown: unknown;
  try {
    await (typeof work === "function" ? work() : work);
  } catch (err) {
    thrown = err;
  }
  const digest = (thrown as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== "string")
    throw new Error(`expected a Next interrupt, got ${String(thrown)}`);
  const redirect = /^NEXT_REDIRECT;\w+;(.+);(30[78]);/.exec(digest);
  if (redirect)
    return { kind: "redirect", location: redirect[1] as string, status: Number(redirect[2]) };
  const http = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
  if (http) return { kind: "http", status: Number(http[1]) };
  throw new Error(`unknown Next interrupt digest: ${digest}`);
}

/** What one request through `clerkMiddleware` produced. */
export interface MiddlewareRun {
  response: Response;
  /** The auth object the handler got from `auth()`. */
  seen: MiddlewareAuthObject;
  /** The request headers the page behind the middleware receives. */
  downstream: Headers;
  /** The verdict signed into {@link MiddlewareRun.downstream}, when its HMAC checks out. */
  verdict: SignedAuthState | undefined;
}

/**
 * Sends `request` through `clerkMiddleware(options)` with a handler that records `auth()` and
 * then runs `handler` (if any).
 */
export async function throughMiddleware(
  request: ReturnType<typeof nextRequest>,
  options: ClerkMiddlewareOptions,
  handler?: ClerkMiddlewareHandler,
): Promise<MiddlewareRun> {
  let seen: MiddlewareAuthObject | undefined;
  const middleware = clerkMiddleware(async (auth, req, event) => {
    seen = auth();
    return handler?.(auth, req, event);
  }, options);
  const response = await middleware(request, fetchEvent(request));
  if (seen === undefined) throw new Error("the middleware did not call its handler");
  const downstream = downstreamHeaders(response);
  const verdict = await readSignedAuthState(
    (name) => downstream.get(name) ?? undefined,
    TEST_SECRET_KEY,
  );
  return { response, seen, downstream, verdict };
}
