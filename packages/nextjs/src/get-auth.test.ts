import { describe, expect, it, vi } from "vitest";
import { OTHER_PUBLIC_PEM } from "../../backend/test/token-fixtures.js";
import { fixtureOptions, isolateLatchkeyEnv } from "../test/server-test-fixtures.js";
import { clerkMiddleware } from "./clerk-middleware.js";
import { getAuth } from "./get-auth.js";
import {
  APP,
  downstreamHeaders,
  expiredToken,
  fakeFetch,
  fetchEvent,
  INSTANCE,
  NOW_S,
  nextRequest,
  OTHER_PRIVATE_PEM,
  PAGE,
  PRIMARY_PUBLIC_PEM,
  rewriteVerdict,
  SECRET_KEY,
  sessionClaims,
  signToken,
  validToken,
  verdictHeader,
  verdictOf,
} from "./internal/testing.test-helpers.js";
import type { LatchkeyOptions } from "./latchkey-options.js";

const options: LatchkeyOptions = fixtureOptions();
/**
 * The same secret key (so the middleware's verdict checks out) but another instance's JWT key:
 * the page's own verification refuses every token, so only a verdict can sign it in.
 */
const verdictOnly: LatchkeyOptions = { ...options, jwtKey: OTHER_PUBLIC_PEM };
/** A token naming an admin, signed by a key this instance does not have. */
const forgedAdmin = () =>
  signToken(sessionClaims({ sub: "user_admin" }), { privateKey: OTHER_PRIVATE_PEM });

isolateLatchkeyEnv();

/** What the page behind `clerkMiddleware` receives, as a `Request`. */
async function throughMiddleware(request: ReturnType<typeof nextRequest>): Promise<Request> {
  const response = await clerkMiddleware(options)(request, fetchEvent(request));
  return new Request(request.url, { headers: downstreamHeaders(response) });
}

describe("getAuth without the middleware", () => {
  it("verifies the __session cookie itself", async () => {
    const auth = await getAuth(
      new Request(`${APP}/api/me`, {
        headers: { cookie: `__session=${validToken()}; __client_uat=${NOW_S - 100}` },
      }),
      options,
    );
    expect(auth.userId).toBe("user_2abc");
    expect(await auth.getToken()).toBe(validToken());
  });

  it("verifies a Bearer token itself", async () => {
    const auth = await getAuth(
      new Request(`${APP}/api/me`, { headers: { authorization: `Bearer ${validToken()}` } }),
      options,
    );
    expect(auth.sessionId).toBe("sess_2abc");
  });

  it("is signed out for an expired token (no renewal outside the middleware)", async () => {
    const auth = await getAuth(
      new Request(`${APP}/api/me`, {
        headers: { cookie: `__session=${expiredToken()}; __client_uat=1; __client=c` },
      }),
      options,
    );
    expect(auth.isAuthenticated).toBe(false);
  });

  it("never believes unsigned auth headers", async () => {
    const auth = await getAuth(
      new Request(`${APP}/api/me`, {
        headers: {
          "x-clerk-auth-verdict": verdictHeader({
            status: "signed-in",
            source: "authorization",
            mac: "",
            url: `${APP}/api/me`,
          }),
          authorization: `Bearer ${forgedAdmin()}`,
        },
      }),
      options,
    );
    expect(auth.userId).toBeNull();
  });

  it("reads pages-router requests: headers object and parsed cookies", async () => {
    const token = validToken();
    const withHeader = await getAuth(
      { headers: { cookie: `__session=${token}; __client_uat=${NOW_S - 100}` }, cookies: {} },
      options,
    );
    expect(withHeader.userId).toBe("user_2abc");
    const withCookiesOnly = await getAuth(
      { headers: {}, cookies: { __session: token, __client_uat: String(NOW_S - 100) } },
      options,
    );
    expect(withCookiesOnly.userId).toBe("user_2abc");
    const bearer = await getAuth({ headers: { authorization: `Bearer ${token}` } }, options);
    expect(bearer.userId).toBe("user_2abc");
    const nobody = await getAuth({ headers: {}, cookies: {} }, options);
    expect(nobody.userId).toBeNull();
  });

  it("reads its configuration from the environment when no options are given", async () => {
    vi.stubEnv("CLERK_JWT_KEY", PRIMARY_PUBLIC_PEM);
    // Tokens in this file are dated 2026-01-01; with the real clock they are expired.
    const auth = await getAuth(
      new Request(`${APP}/api/me`, { headers: { authorization: `Bearer ${validToken()}` } }),
    );
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.debug()).toMatchObject({ reason: "token-expired" });
  });
});

describe("getAuth behind the middleware", () => {
  it("uses the middleware's signed verdict", async () => {
    const downstream = await throughMiddleware(
      nextRequest("/api/me", { cookies: { __session: validToken(), __client_uat: "1" } }),
    );
    expect(verdictOf(downstream.headers)?.source).toBe("cookie");
    // Read with a JWT key that refuses the token: only the signed verdict can sign it in.
    const auth = await getAuth(downstream, verdictOnly);
    expect(auth.userId).toBe("user_2abc");
    expect(await auth.getToken()).toBe(validToken());
    const unsigned = new Headers(downstream.headers);
    rewriteVerdict(unsigned, { mac: "" });
    expect(
      (await getAuth(new Request(downstream.url, { headers: unsigned }), verdictOnly)).userId,
    ).toBeNull();

    // The verdict names its token's place, not the token: without the cookie it is void.
    const withoutCookie = new Headers(downstream.headers);
    withoutCookie.delete("cookie");
    const noCookie = await getAuth(
      new Request(downstream.url, { headers: withoutCookie }),
      options,
    );
    expect(noCookie.userId).toBeNull();
    expect(noCookie.debug()).toMatchObject({ reason: "session-token-and-uat-missing" });
  });

  it("does not honour a signed-in verdict replayed after its token expired", async () => {
    const downstream = await throughMiddleware(
      nextRequest("/api/me", { cookies: { __session: validToken(), __client_uat: "1" } }),
    );
    // Read with a JWT key that refuses the token: whatever answers is the verdict's.
    const replay = downstream;
    const inTime = getAuth(replay, { ...verdictOnly, now: () => NOW_S * 1000 + 30_000 });
    expect(inTime.userId).toBe("user_2abc");
    const later = getAuth(replay, { ...verdictOnly, now: () => NOW_S * 1000 + 10 * 60_000 });
    expect(later.isAuthenticated).toBe(false);
    expect(later.userId).toBeNull();
    expect(later.debug()).toMatchObject({ reason: "session-token-expired" });
  });

  it("uses a signed-out verdict as is", async () => {
    const downstream = await throughMiddleware(nextRequest("/api/me"));
    const auth = await getAuth(downstream, options);
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.debug()).toMatchObject({ reason: "session-token-and-uat-missing" });
  });

  it("ignores signed headers whose token was swapped (tampered HMAC) and falls back to the request", async () => {
    const downstream = await throughMiddleware(
      nextRequest("/api/me", { cookies: { __session: validToken(), __client_uat: "1" } }),
    );
    // A genuine verdict, with a forged admin token put in the cookie it points at.
    const swapped = new Headers(downstream.headers);
    swapped.set("cookie", `__session=${forgedAdmin()}; __client_uat=1`);
    const auth = await getAuth(new Request(downstream.url, { headers: swapped }), options);
    expect(auth.userId).toBeNull();
    expect(auth.debug()).toMatchObject({ reason: "token-invalid-signature" });
    // A real token of another user there: not signed in by the verdict either.
    swapped.set("cookie", `__session=${validToken({ sub: "user_admin" })}; __client_uat=1`);
    const other = await getAuth(new Request(downstream.url, { headers: swapped }), verdictOnly);
    expect(other.userId).toBeNull();
  });

  it("ignores a signed-out verdict flipped to signed-in", async () => {
    const downstream = await throughMiddleware(nextRequest("/api/me"));
    const flipped = new Headers(downstream.headers);
    rewriteVerdict(flipped, { status: "signed-in", source: "cookie", reason: "" });
    flipped.set("cookie", `__session=${validToken()}; __client_uat=1`);
    const auth = await getAuth(new Request(downstream.url, { headers: flipped }), verdictOnly);
    expect(auth.userId).toBeNull();
  });

  it("ignores headers signed with another secret key", async () => {
    const other = clerkMiddleware({ ...options, secretKey: "sk_test_some_other_instance" });
    const request = nextRequest("/api/me", {
      cookies: { __session: validToken(), __client_uat: "1" },
    });
    const response = await other(request, fetchEvent(request));
    const headers = downstreamHeaders(response);
    expect(verdictOf(headers)?.status).toBe("signed-in");
    const auth = await getAuth(new Request(request.url, { headers }), verdictOnly);
    expect(auth.userId).toBeNull();
  });

  it("sees the renewed token after a renewal", async () => {
    const fresh = validToken({ iat: NOW_S - 1 });
    const fapi = fakeFetch(() => Response.json({ object: "token", jwt: fresh }));
    const request = nextRequest("/dash", {
      headers: PAGE,
      cookies: { __session: expiredToken(), __client: "c", __client_uat: String(NOW_S - 300) },
    });
    const response = await clerkMiddleware({ ...options, fetch: fapi.fetch })(
      request,
      fetchEvent(request),
    );
    const auth = await getAuth(
      new Request(request.url, { headers: downstreamHeaders(response) }),
      options,
    );
    expect(await auth.getToken()).toBe(fresh);
  });
});

describe("getAuth: the auth object", () => {
  it("fetches template tokens from the Backend API", async () => {
    const bapi = fakeFetch((call) =>
      call.url === `${INSTANCE}/v1/sessions/sess_2abc/tokens/supabase`
        ? Response.json({ object: "token", jwt: "a.b.c" })
        : new Response("not found", { status: 404 }),
    );
    const auth = await getAuth(
      new Request(`${APP}/api`, { headers: { authorization: `Bearer ${validToken()}` } }),
      { ...options, fetch: bapi.fetch },
    );
    expect(await auth.getToken({ template: "supabase" })).toBe("a.b.c");
    expect(bapi.calls).toHaveLength(1);
    expect(bapi.calls[0]?.method).toBe("POST");
    expect(bapi.calls[0]?.headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  it("answers has() from the active organization", async () => {
    const token = validToken({ o: { id: "org_1", rol: "admin", slg: "acme" } });
    const auth = await getAuth(
      new Request(`${APP}/api`, { headers: { authorization: `Bearer ${token}` } }),
      options,
    );
    expect(auth.orgId).toBe("org_1");
    expect(auth.has({ role: "org:admin" })).toBe(true);
    expect(auth.has({ role: "org:member" })).toBe(false);
  });
});

describe("getAuth read without await (Clerk's synchronous form)", () => {
  it("answers at once behind the middleware, and awaiting gives the same plain object", async () => {
    const page = await throughMiddleware(
      nextRequest("/api/me", {
        cookies: { __session: validToken(), __client_uat: `${NOW_S - 100}` },
      }),
    );
    const auth = getAuth(page, options);
    expect(auth.userId).toBe("user_2abc");
    expect(auth.has({ role: "org:admin" })).toBe(false);
    const awaited = await auth;
    expect(awaited.sessionId).toBe("sess_2abc");
    expect("then" in awaited).toBe(false);
    expect(Object.keys(auth)).not.toContain("then");
    expect(JSON.parse(JSON.stringify(auth)).userId).toBe("user_2abc");
  });

  it("answers at once for a signed-out verdict too", async () => {
    const page = await throughMiddleware(nextRequest("/api/me"));
    const auth = getAuth(page, options);
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.userId).toBeNull();
  });

  it("throws auth-not-ready (never a silent signed-out) when it must verify first, and awaits fine", async () => {
    const request = new Request(`${APP}/api/me`, {
      headers: { cookie: `__session=${validToken()}; __client_uat=${NOW_S - 100}` },
    });
    const pending = getAuth(request, options);
    expect(() => pending.userId).toThrow(
      expect.objectContaining({ code: "auth-not-ready", name: "LatchkeyNextjsError" }),
    );
    expect(() => {
      const { isAuthenticated } = pending;
      return isAuthenticated;
    }).toThrow(/await getAuth\(req\)/);
    expect((await pending).userId).toBe("user_2abc");
    expect((await pending).userId).toBe("user_2abc");
  });

  it("does not read a forged verdict synchronously either", async () => {
    const forged = new Request(`${APP}/api/me`, {
      headers: {
        "x-clerk-auth-verdict": verdictHeader({
          status: "signed-in",
          source: "authorization",
          url: `${APP}/api/me`,
        }),
        authorization: `Bearer ${forgedAdmin()}`,
      },
    });
    const auth = getAuth(forged, options);
    expect(() => auth.userId).toThrow(expect.objectContaining({ code: "auth-not-ready" }));
    expect((await auth).userId).toBeNull();
  });
});
