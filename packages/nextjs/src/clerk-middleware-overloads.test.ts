// The call shapes of `clerkMiddleware`, checked twice: by the compiler (`tsc -p tsconfig.json`
// fails when a callback's parameters are no longer inferred, e.g. TS7006 implicit any, or are
// inferred from the wrong overload) and at run time (each shape reaches the right code path).
import type { NextFetchEvent, NextRequest } from "next/server.js";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  type ClerkMiddlewareOptions,
  clerkMiddleware,
  type LatchkeyMiddleware,
} from "./clerk-middleware.js";
import type { ClerkMiddlewareAuth } from "./internal/middleware/middleware-auth.js";
import {
  fetchEvent,
  LATCHKEY_ENV_NAMES,
  NOW_S,
  nextRequest,
  PAGE,
  PRIMARY_PUBLIC_PEM,
  SECRET_KEY,
  validToken,
} from "./internal/testing.test-helpers.js";

const OPTIONS: ClerkMiddlewareOptions = {
  secretKey: SECRET_KEY,
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_S * 1000,
};

const signedIn = () =>
  nextRequest("/dashboard", {
    headers: PAGE,
    cookies: { __session: validToken(), __client_uat: String(NOW_S - 100) },
  });

beforeEach(() => {
  for (const name of LATCHKEY_ENV_NAMES) vi.stubEnv(name, "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("clerkMiddleware call shapes", () => {
  it("clerkMiddleware(handler) types auth, req and event", async () => {
    const seen: string[] = [];
    const middleware = clerkMiddleware(async (auth, req, event) => {
      expectTypeOf(auth).toEqualTypeOf<ClerkMiddlewareAuth>();
      expectTypeOf(req).toEqualTypeOf<NextRequest>();
      expectTypeOf(event).toEqualTypeOf<NextFetchEvent>();
      seen.push(`${req.nextUrl.pathname} ${auth().userId}`);
    });
    expectTypeOf(middleware).toEqualTypeOf<LatchkeyMiddleware>();
    vi.stubEnv("CLERK_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("CLERK_JWT_KEY", PRIMARY_PUBLIC_PEM);
    const request = nextRequest("/about", { headers: PAGE });
    await middleware(request, fetchEvent(request));
    expect(seen).toEqual(["/about null"]);
  });

  it("clerkMiddleware(handler, options) types the handler and applies the options", async () => {
    const seen: string[] = [];
    const middleware = clerkMiddleware(async (auth, req) => {
      expectTypeOf(auth).toEqualTypeOf<ClerkMiddlewareAuth>();
      expectTypeOf(req).toEqualTypeOf<NextRequest>();
      seen.push(`${req.nextUrl.pathname} ${(await auth.protect()).userId}`);
    }, OPTIONS);
    const request = signedIn();
    await middleware(request, fetchEvent(request));
    expect(seen).toEqual(["/dashboard user_2abc"]);
  });

  it("clerkMiddleware(handler, options callback) gives the callback the request", async () => {
    const asked: string[] = [];
    const middleware = clerkMiddleware(
      (auth) => {
        expectTypeOf(auth).toEqualTypeOf<ClerkMiddlewareAuth>();
      },
      (req) => {
        expectTypeOf(req).toEqualTypeOf<NextRequest>();
        asked.push(req.nextUrl.pathname);
        return OPTIONS;
      },
    );
    const request = signedIn();
    await middleware(request, fetchEvent(request));
    expect(asked).toEqual(["/dashboard"]);
  });

  it("clerkMiddleware(options) types the options' callbacks and runs without a handler", async () => {
    const lines: string[] = [];
    const middleware = clerkMiddleware({
      ...OPTIONS,
      debug: true,
      logger: (message, details) => {
        expectTypeOf(message).toEqualTypeOf<string>();
        expectTypeOf(details).toEqualTypeOf<Record<string, unknown>>();
        lines.push(message);
      },
    });
    expectTypeOf(middleware).toEqualTypeOf<LatchkeyMiddleware>();
    const request = signedIn();
    const response = await middleware(request, fetchEvent(request));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(lines).toContain("authenticated");
  });

  it("clerkMiddleware() reads the environment", async () => {
    const middleware = clerkMiddleware();
    expectTypeOf(middleware).toEqualTypeOf<LatchkeyMiddleware>();
    vi.stubEnv("CLERK_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("CLERK_JWT_KEY", PRIMARY_PUBLIC_PEM);
    const request = nextRequest("/", { headers: PAGE });
    const response = await middleware(request, fetchEvent(request));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("treats a lone function as the handler, never as an options callback", async () => {
    const calls: unknown[] = [];
    // @ts-expect-error an options callback alone is not a call shape: a lone function is the handler.
    const middleware = clerkMiddleware((req: NextRequest) => {
      calls.push(req);
      return undefined;
    });
    vi.stubEnv("CLERK_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("CLERK_JWT_KEY", PRIMARY_PUBLIC_PEM);
    const request = nextRequest("/", { headers: PAGE });
    await middleware(request, fetchEvent(request));
    expect(calls).toHaveLength(1);
    expect(typeof calls[0]).toBe("function");
  });
});
