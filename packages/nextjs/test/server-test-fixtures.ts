/** Set-up shared by the server-side tests of this package (never built or shipped). */
import { afterEach, beforeEach, vi } from "vitest";
import {
  fakeFetch,
  INSTANCE,
  LATCHKEY_ENV_NAMES,
  NOW_MS,
  NOW_S,
  PRIMARY_PUBLIC_PEM,
  SECRET_KEY,
  sessionClaims,
  signToken,
  validToken,
} from "../src/internal/testing.test-helpers.js";

/**
 * Blanks every variable the package reads before each test (so the machine's own settings never
 * leak in), then sets `configured()`'s; restores them all after each test. Call it at the top of
 * a test file or inside a `describe`.
 *
 * @throws never.
 * @example
 * isolateLatchkeyEnv(() => ({ CLERK_SECRET_KEY: SECRET_KEY }));
 */
export function isolateLatchkeyEnv(configured: () => Record<string, string> = () => ({})): void {
  beforeEach(() => {
    for (const name of LATCHKEY_ENV_NAMES) vi.stubEnv(name, "");
    for (const [name, value] of Object.entries(configured())) vi.stubEnv(name, value);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
}

/** The variables of an instance configured with the fixture keys, for {@link isolateLatchkeyEnv}. */
export function fixtureKeysEnv(apiUrl: string = INSTANCE): Record<string, string> {
  return { CLERK_SECRET_KEY: SECRET_KEY, CLERK_JWT_KEY: PRIMARY_PUBLIC_PEM, CLERK_API_URL: apiUrl };
}

/**
 * Options naming the fixture instance, keys and frozen clock; spread them into any of the
 * package's option types.
 *
 * @throws never.
 * @example
 * clerkMiddleware({ ...fixtureOptions(), debug: true });
 */
export function fixtureOptions(): {
  secretKey: string;
  jwtKey: string;
  apiUrl: string;
  now: () => number;
} {
  return { secretKey: SECRET_KEY, jwtKey: PRIMARY_PUBLIC_PEM, apiUrl: INSTANCE, now: () => NOW_MS };
}

/** The cookies of a browser signed in at the frozen clock: a valid `__session` and `__client_uat`. */
export function signedInCookies(): Record<string, string> {
  return { __session: validToken(), __client_uat: String(NOW_S - 100) };
}

/**
 * A session token valid by the real clock, for code that reads `Date.now` (`auth()`, the server
 * `<ClerkProvider>`).
 *
 * @throws never.
 * @example
 * liveToken({ o: { id: "org_1", rol: "admin" } });
 */
export function liveToken(overrides: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken(sessionClaims({ iat: now - 5, nbf: now - 15, exp: now + 55, ...overrides }));
}

/** A fake `fetch` that fails every call: the test must not reach the network. */
export function noNetwork(): ReturnType<typeof fakeFetch> {
  return fakeFetch(() => {
    throw new Error("no network in this test");
  });
}
