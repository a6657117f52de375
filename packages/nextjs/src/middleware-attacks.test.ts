/**
 * Attacks on `clerkMiddleware`: forged verdict headers, forged tokens on protected routes, and
 * Bearer/cookie confusion. Each test asserts on the coded reason the middleware decided on.
 */
import { createHmac } from "node:crypto";
import { NextResponse } from "next/server.js";
import { describe, expect, it } from "vitest";
import { OTHER_PUBLIC_PEM, part } from "../../backend/test/token-fixtures.js";
import { fixtureOptions, isolateLatchkeyEnv, noNetwork } from "../test/server-test-fixtures.js";
import { type ClerkMiddlewareOptions, clerkMiddleware } from "./clerk-middleware.js";
import { getAuth } from "./get-auth.js";
import { AUTH_HEADERS } from "./internal/signed-auth-headers/auth-header-names.js";
import {
  readSignedAuthState,
  signAuthState,
} from "./internal/signed-auth-headers/signed-auth-state.js";
import {
  APP,
  downstreamHeaders,
  fetchEvent,
  NOW_MS,
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

const API = { accept: "application/json", "sec-fetch-dest": "empty" };
const UAT = String(NOW_S - 100);

/** Decisions the middleware logged (debug on), as `message` + details. */
interface Logged {
  message: string;
  details: Record<string, unknown>;
}

function setup(overrides: ClerkMiddlewareOptions = {}) {
  const logged: Logged[] = [];
  const network = noNetwork();
  const options: ClerkMiddlewareOptions = {
    ...fixtureOptions(),
    fetch: network.fetch,
    debug: true,
    logger: (message, details) => logged.push({ message, details }),
    ...overrides,
  };
  /** The reason the middleware authenticated the request with ("" when signed in). */
  const reason = () => {
    const line = logged.find((entry) => entry.message === "authenticated");
    expect(line, "the middleware logged its verdict").toBeDefined();
    return line?.details.status === "signed-in" ? "" : String(line?.details.reason);
  };
  return { options, logged, reason, network };
}

/** A protected route: the handler records whether it got past `protect()`. */
async function runProtected(
  request: ReturnType<typeof nextRequest>,
  options: ClerkMiddlewareOptions,
) {
  const reached = { value: false };
  const middleware = clerkMiddleware(async (auth) => {
    await auth.protect();
    reached.value = true;
  }, options);
  const response = await middleware(request, fetchEvent(request));
  return { response, reached: reached.value };
}

const unsigned = (alg = "none") => `${part({ alg, typ: "JWT" })}.${part(sessionClaims())}.`;
const hmacWithPublicKey = () => {
  const input = `${part({ alg: "HS256", typ: "JWT" })}.${part(sessionClaims())}`;
  return `${input}.${createHmac("sha256", PRIMARY_PUBLIC_PEM).update(input).digest("base64url")}`;
};
const tampered = () => {
  const [header, , signature] = validToken().split(".");
  return `${header}.${part(sessionClaims({ sub: "user_admin" }))}.${signature}`;
};
const foreign = () => signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });

const FORGED_BEARERS: Array<[string, () => string, string]> = [
  ["alg none", () => unsigned(), "token-invalid-algorithm"],
  ["alg none with a signature part", () => `${unsigned()}c2ln`, "token-invalid-algorithm"],
  ["HS256 keyed with the public key", hmacWithPublicKey, "token-invalid-algorithm"],
  ["a tampered payload", tampered, "token-invalid-signature"],
  [
    "a stripped signature",
    () => `${validToken().split(".").slice(0, 2).join(".")}.`,
    "token-invalid-signature",
  ],
  ["another instance's token", foreign, "token-invalid-signature"],
];

isolateLatchkeyEnv();

describe("clerkMiddleware attacks: forged x-clerk-auth-* headers", () => {
  it("strips a forged signed-in verdict (HMAC under another key) and signs its own", async () => {
    const { options, reason } = setup();
    const forged = await signAuthState(
      {
        status: "signed-in",
        reason: "",
        source: "cookie",
        token: validToken({ sub: "user_admin" }),
        url: `${APP}/`,
      },
      "sk_test_attacker_guess",
    );
    const request = nextRequest("/", { headers: { ...API, ...Object.fromEntries(forged) } });
    let handlerSaw: { headers: Record<string, string>; userId: string | null } | undefined;
    const middleware = clerkMiddleware((auth, req) => {
      handlerSaw = {
        headers: Object.fromEntries(
          [...req.headers.entries()].filter(([name]) => name.startsWith("x-clerk")),
        ),
        userId: auth().userId,
      };
    }, options);
    const response = await middleware(request, fetchEvent(request));
    // The handler ran, signed out, and saw none of the forged headers.
    expect(handlerSaw).toEqual({ headers: {}, userId: null });
    expect(reason()).toBe("session-token-and-uat-missing");
    const downstream = downstreamHeaders(response);
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toMatchObject({
      status: "signed-out",
      reason: "session-token-and-uat-missing",
      source: "",
      token: "",
    });
    expect(verdictOf(downstream)?.source).toBe("");
    expect(verdictOf(downstream)?.mac).not.toBe(
      forged.find(([name]) => name === AUTH_HEADERS.verdict)?.[1].split(";")[3],
    );
  });

  it("replaces a forged verdict naming another user with the request's real one", async () => {
    const { options, reason } = setup();
    const mine = validToken({ sub: "user_me" });
    const request = nextRequest("/", {
      headers: {
        ...API,
        [AUTH_HEADERS.verdict]: verdictHeader({ status: "signed-in", source: "inline" }),
        "x-clerk-auth-token": validToken({ sub: "user_admin" }),
        // Verdict headers of earlier versions: still stripped, never read.
        "x-clerk-auth-status": "signed-in",
        "x-clerk-auth-signature": "A".repeat(43),
        "X-Clerk-Auth-Whatever": "1",
      },
      cookies: { __session: mine, __client_uat: UAT },
    });
    const middleware = clerkMiddleware(options);
    const downstream = downstreamHeaders(await middleware(request, fetchEvent(request)));
    expect(reason()).toBe("");
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toMatchObject({ status: "signed-in", source: "cookie", token: mine });
    expect(verdictOf(downstream)?.source).toBe("cookie");
    expect(downstream.has("x-clerk-auth-token")).toBe(false);
    expect(downstream.has("x-clerk-auth-whatever")).toBe(false);
    expect(downstream.has("x-clerk-auth-status")).toBe(false);
    expect(downstream.has("x-clerk-auth-signature")).toBe(false);
  });

  it("a genuine verdict does not carry over to another token placed where it points", async () => {
    const { options } = setup();
    const mine = validToken({ sub: "user_me" });
    const request = nextRequest("/", {
      headers: API,
      cookies: { __session: mine, __client_uat: UAT },
    });
    const downstream = downstreamHeaders(
      await clerkMiddleware(options)(request, fetchEvent(request)),
    );
    // The page's own verification would refuse everything: only the verdict can sign it in.
    const verdictOnly = { ...options, jwtKey: OTHER_PUBLIC_PEM };
    const page = (headers: Headers) => getAuth(new Request(`${APP}/`, { headers }), verdictOnly);
    expect((await page(downstream)).userId).toBe("user_me");
    const unsignedCopy = new Headers(downstream);
    rewriteVerdict(unsignedCopy, { mac: "" });
    expect((await page(unsignedCopy)).userId).toBeNull();

    // My verdict with someone else's token in the cookie (forged, or genuinely theirs).
    for (const other of [tampered(), validToken({ sub: "user_admin" })]) {
      const swapped = new Headers(downstream);
      swapped.set("cookie", `__session=${other}; __client_uat=${UAT}`);
      expect((await page(swapped)).userId, other).toBeNull();
    }
    // My verdict switched to a Bearer naming the admin (the HMAC covers the source).
    const switched = new Headers(downstream);
    rewriteVerdict(switched, { source: "authorization" });
    switched.set("authorization", `Bearer ${tampered()}`);
    expect((await page(switched)).userId).toBeNull();
    const sameToken = new Headers(downstream);
    rewriteVerdict(sameToken, { source: "authorization" });
    sameToken.set("authorization", `Bearer ${mine}`);
    expect((await page(sameToken)).userId).toBeNull();
    // With the real key, the request's own (forged) token is what is judged: refused.
    const forgedCookie = new Headers(downstream);
    forgedCookie.set("cookie", `__session=${tampered()}; __client_uat=${UAT}`);
    const fallback = await getAuth(new Request(`${APP}/`, { headers: forgedCookie }), options);
    expect(fallback.userId).toBeNull();
    expect(fallback.debug()).toMatchObject({ reason: "token-invalid-signature" });
  });

  it("drops forged auth headers a handler copies into NextResponse.next({ request })", async () => {
    const { options, reason } = setup();
    const request = nextRequest("/", { headers: { ...API, "x-app": "kept" } });
    const middleware = clerkMiddleware((_auth, req) => {
      const headers = new Headers(req.headers);
      headers.set(AUTH_HEADERS.verdict, verdictHeader({ status: "signed-in", source: "cookie" }));
      headers.set("x-clerk-auth-token", validToken({ sub: "user_admin" }));
      headers.set("x-clerk-auth-injected", "1");
      return NextResponse.next({ request: { headers } });
    }, options);
    const downstream = downstreamHeaders(await middleware(request, fetchEvent(request)));
    expect(reason()).toBe("session-token-and-uat-missing");
    expect(downstream.get("x-app")).toBe("kept");
    expect(verdictOf(downstream)?.status).toBe("signed-out");
    expect(verdictOf(downstream)?.source).toBe("");
    expect(downstream.has("x-clerk-auth-token")).toBe(false);
    expect(downstream.has("x-clerk-auth-injected")).toBe(false);
  });

  it("getAuth without the middleware never believes unsigned verdict headers", async () => {
    // A forged admin token, where a verdict signed under a guessed key says it is.
    const admin = tampered();
    const forged = await signAuthState(
      { status: "signed-in", reason: "", source: "cookie", token: admin, url: `${APP}/` },
      "sk_test_attacker_guess",
    );
    const request = new Request(`${APP}/api/me`, {
      headers: { ...Object.fromEntries(forged), cookie: `__session=${admin}; __client_uat=${UAT}` },
    });
    const auth = await getAuth(request, {
      secretKey: SECRET_KEY,
      jwtKey: PRIMARY_PUBLIC_PEM,
      now: () => NOW_MS,
    });
    expect(auth.userId).toBeNull();
  });
});

describe("clerkMiddleware attacks: forged Bearer tokens on a protected route", () => {
  it.each(FORGED_BEARERS)(
    "%s: an API request gets 404 (%s), never the handler",
    async (_name, token, expectedReason) => {
      const { options, reason } = setup();
      const { response, reached } = await runProtected(
        nextRequest("/api/private", { headers: { ...API, authorization: `Bearer ${token()}` } }),
        options,
      );
      expect(reached).toBe(false);
      expect(response.status).toBe(404);
      expect(reason()).toBe(expectedReason);
    },
  );

  it.each(FORGED_BEARERS)(
    "%s: a page load is redirected to sign-in (%s), never the handler",
    async (_name, token, expectedReason) => {
      const { options, reason } = setup();
      const { response, reached } = await runProtected(
        nextRequest("/dashboard", { headers: { ...PAGE, authorization: `Bearer ${token()}` } }),
        options,
      );
      expect(reached).toBe(false);
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toMatch(/sign-in.*redirect_url=/);
      expect(reason()).toBe(expectedReason);
    },
  );

  it("alg none: a server action gets 401, and publicRoutes protection answers 404 too", async () => {
    const action = setup();
    const { response, reached } = await runProtected(
      nextRequest("/dashboard", {
        method: "POST",
        headers: { "next-action": "abc123", authorization: `Bearer ${unsigned()}` },
        body: "[]",
      }),
      action.options,
    );
    expect(reached).toBe(false);
    expect(response.status).toBe(401);
    expect(action.reason()).toBe("token-invalid-algorithm");

    const guarded = setup({ publicRoutes: ["/"] });
    let reachedHandler = false;
    const middleware = clerkMiddleware(() => {
      reachedHandler = true;
    }, guarded.options);
    const request = nextRequest("/api/private", {
      headers: { ...API, authorization: `Bearer ${unsigned()}` },
    });
    const answer = await middleware(request, fetchEvent(request));
    expect(reachedHandler).toBe(false);
    expect(answer.status).toBe(404);
    expect(guarded.reason()).toBe("token-invalid-algorithm");
  });

  it("an expired alg-none cookie is not renewed (no call to the instance): signed out", async () => {
    const { options, reason, network } = setup();
    const expiredNone = `${part({ alg: "none" })}.${part(sessionClaims({ exp: NOW_S - 60 }))}.`;
    const { response, reached } = await runProtected(
      nextRequest("/api/private", {
        headers: API,
        cookies: { __session: expiredNone, __client: "client_cookie", __client_uat: UAT },
      }),
      options,
    );
    expect(reached).toBe(false);
    expect(response.status).toBe(404);
    expect(reason()).toBe("token-invalid-algorithm");
    expect(network.calls).toEqual([]);
  });
});

describe("clerkMiddleware attacks: cookie and Bearer together", () => {
  it("a valid Bearer wins over a forged cookie: signed in with the Bearer token", async () => {
    const { options, reason } = setup();
    const bearer = validToken({ sid: "sess_bearer" });
    const request = nextRequest("/api/private", {
      headers: { ...API, authorization: `Bearer ${bearer}` },
      cookies: { __session: unsigned(), __client_uat: UAT },
    });
    const { response, reached } = await runProtected(request, options);
    expect(reached).toBe(true);
    expect(reason()).toBe("");
    const downstream = downstreamHeaders(response);
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toMatchObject({ status: "signed-in", source: "authorization", token: bearer });
  });

  it("a forged Bearer wins over a valid cookie: refused with the Bearer's reason", async () => {
    const { options, reason, network } = setup();
    const request = nextRequest("/api/private", {
      headers: { ...API, authorization: `Bearer ${unsigned()}` },
      cookies: { __session: validToken(), __client_uat: UAT, __client: "client_cookie" },
    });
    const { response, reached } = await runProtected(request, options);
    expect(reached).toBe(false);
    expect(response.status).toBe(404);
    expect(reason()).toBe("token-invalid-algorithm");
    expect(network.calls).toEqual([]);
  });
});
