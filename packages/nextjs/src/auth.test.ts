import { beforeEach, describe, expect, it, vi } from "vitest";
import { OTHER_PUBLIC_PEM } from "../../backend/test/token-fixtures.js";
import { fixtureKeysEnv, isolateLatchkeyEnv, liveToken } from "../test/server-test-fixtures.js";
import { stubBackendApiForFile } from "../test/stub-backend-api.js";
import { auth } from "./auth.js";
import { clerkClient } from "./clerk-client.js";
import { clerkMiddleware } from "./clerk-middleware.js";
import { currentUser } from "./current-user.js";
import {
  APP,
  downstreamHeaders,
  fetchEvent,
  nextRequest,
  PAGE,
  rewriteVerdict,
  SECRET_KEY,
  verdictOf,
} from "./internal/testing.test-helpers.js";

// Next's request scope is the only thing stood in for: `headers()` answers the current request's.
const scope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

function setRequest(headers: Record<string, string> | Headers, cookies?: Record<string, string>) {
  scope.headers = new Headers(headers);
  if (cookies) {
    scope.headers.set(
      "cookie",
      Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
    );
  }
}

/** The digest Next's `redirect()`, `notFound()` and `unauthorized()` throw with. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  const digest = (error as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== "string")
    throw new Error(`expected a Next interrupt, got ${String(error)}`);
  return digest;
}

function redirectTarget(digest: string): string | undefined {
  return /^NEXT_REDIRECT;\w+;(.+);30[78];/.exec(digest)?.[1];
}

const stub = stubBackendApiForFile();
const bapiCalls = stub.calls;

// These tests use the real clock, as auth() does: tokens come from liveToken().
isolateLatchkeyEnv(() => fixtureKeysEnv(stub.url()));
beforeEach(() => {
  bapiCalls.length = 0;
  setRequest({});
});

/** The headers a page behind the real middleware receives for `request`. */
async function behindMiddleware(request: ReturnType<typeof nextRequest>): Promise<Headers> {
  const response = await clerkMiddleware()(request, fetchEvent(request));
  return downstreamHeaders(response);
}

describe("auth()", () => {
  it("verifies the request's token itself when the middleware did not run", async () => {
    setRequest({}, { __session: liveToken(), __client_uat: "1" });
    const { userId, sessionId, isAuthenticated } = await auth();
    expect({ userId, sessionId, isAuthenticated }).toEqual({
      userId: "user_2abc",
      sessionId: "sess_2abc",
      isAuthenticated: true,
    });
  });

  it("is signed out without a token", async () => {
    expect((await auth()).userId).toBeNull();
  });

  it("uses the middleware's signed verdict", async () => {
    const headers = await behindMiddleware(
      nextRequest("/dashboard", { cookies: { __session: liveToken(), __client_uat: "1" } }),
    );
    expect(verdictOf(headers)?.source).toBe("cookie");
    // The page's JWT key now refuses the token (same secret key): only the verdict can sign in.
    vi.stubEnv("CLERK_JWT_KEY", OTHER_PUBLIC_PEM);
    setRequest(headers);
    expect((await auth()).userId).toBe("user_2abc");
    const unsigned = new Headers(headers);
    rewriteVerdict(unsigned, { mac: "" });
    setRequest(unsigned);
    expect((await auth()).userId).toBeNull();
    // Without the cookie it names, the verdict is void.
    const withoutCookie = new Headers(headers);
    withoutCookie.delete("cookie");
    setRequest(withoutCookie);
    expect((await auth()).userId).toBeNull();
  });

  it("falls back to the request when the signed headers were tampered with (fail closed)", async () => {
    const headers = await behindMiddleware(
      nextRequest("/dashboard", { cookies: { __session: liveToken(), __client_uat: "1" } }),
    );
    // A genuine verdict, with an admin token forged from the user's (signature kept) in its cookie.
    const [head, , signature] = liveToken().split(".");
    const forged = `${head}.${liveToken({ sub: "user_admin" }).split(".")[1]}.${signature}`;
    headers.set("cookie", `__session=${forged}; __client_uat=1`);
    setRequest(headers);
    const current = await auth();
    expect(current.userId).toBeNull();
    expect(current.debug()).toMatchObject({ reason: "token-invalid-signature" });
  });

  it("getToken() gives the session token", async () => {
    const token = liveToken();
    setRequest({ authorization: `Bearer ${token}` });
    expect(await (await auth()).getToken()).toBe(token);
  });

  it("redirectToSignIn() redirects with redirect_url when the middleware recorded the URL", async () => {
    setRequest(await behindMiddleware(nextRequest("/dashboard?x=1", { headers: PAGE })));
    const { redirectToSignIn } = await auth();
    const target = redirectTarget(await digestOf(Promise.resolve().then(() => redirectToSignIn())));
    expect(target).toBe(
      `${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}/dashboard?x=1`)}`,
    );
  });

  it("redirectToSignIn() without the middleware goes to the sign-in page", async () => {
    vi.stubEnv("NEXT_PUBLIC_CLERK_SIGN_IN_URL", "/login");
    const { redirectToSignIn } = await auth();
    const target = redirectTarget(await digestOf(Promise.resolve().then(() => redirectToSignIn())));
    expect(target).toBe("/login");
  });
});

describe("auth.protect()", () => {
  it("returns the auth object when signed in", async () => {
    setRequest({}, { __session: liveToken(), __client_uat: "1" });
    expect((await auth.protect()).userId).toBe("user_2abc");
  });

  it("redirects a signed-out page to sign-in", async () => {
    setRequest(await behindMiddleware(nextRequest("/dashboard", { headers: PAGE })));
    const target = redirectTarget(await digestOf(auth.protect()));
    expect(target).toBe(`${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}/dashboard`)}`);
  });

  it("answers 404 to a signed-out API request", async () => {
    setRequest({ accept: "application/json" });
    expect(await digestOf(auth.protect())).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });

  it("answers a signed-out server action with 401 when auth interrupts are on, else 404", async () => {
    setRequest({ "next-action": "7f3a", accept: "text/x-component" });
    expect(await digestOf(auth.protect())).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    expect(await digestOf(auth.protect())).toBe("NEXT_HTTP_ERROR_FALLBACK;401");
  });

  it("answers 404 (or redirects to unauthorizedUrl) without the role", async () => {
    setRequest(PAGE, {
      __session: liveToken({ o: { id: "org_1", rol: "member" } }),
      __client_uat: "1",
    });
    expect(await digestOf(auth.protect({ role: "org:admin" }))).toBe(
      "NEXT_HTTP_ERROR_FALLBACK;404",
    );
    const target = redirectTarget(
      await digestOf(auth.protect({ role: "org:admin" }, { unauthorizedUrl: "/no-access" })),
    );
    expect(target).toBe("/no-access");
    expect((await auth.protect({ role: "org:member" })).orgRole).toBe("org:member");
  });
});

describe("currentUser()", () => {
  it("fetches the signed-in user once per request", async () => {
    setRequest({}, { __session: liveToken(), __client_uat: "1" });
    const [first, second] = await Promise.all([currentUser(), currentUser()]);
    const third = await currentUser();
    expect(first?.id).toBe("user_2abc");
    expect(first?.firstName).toBe("Ada");
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(bapiCalls).toEqual([`GET /v1/users/user_2abc Bearer ${SECRET_KEY}`]);

    setRequest({}, { __session: liveToken(), __client_uat: "1" });
    await currentUser();
    expect(bapiCalls).toHaveLength(2);
  });

  it("is null, without any Backend API call, when signed out", async () => {
    expect(await currentUser()).toBeNull();
    expect(bapiCalls).toEqual([]);
  });
});

describe("clerkClient()", () => {
  it("is configured from the environment at call time", async () => {
    const client = await clerkClient();
    const user = await client.users.getUser("user_2abc");
    expect(user.lastName).toBe("Lovelace");
    expect(bapiCalls).toEqual([`GET /v1/users/user_2abc Bearer ${SECRET_KEY}`]);
  });

  it("names the missing variable", async () => {
    vi.stubEnv("CLERK_SECRET_KEY", "");
    vi.stubEnv("CLERK_JWT_KEY", "");
    await expect(clerkClient()).rejects.toMatchObject({
      code: "config-missing",
      variable: "CLERK_SECRET_KEY",
    });
    await expect(auth()).rejects.toMatchObject({ code: "config-missing" });
  });
});
