/**
 * `auth()`, `auth.protect()`, `getAuth()`, `currentUser()`, `clerkClient()` and
 * `getToken({ template })` against a real instance started in process, with and without
 * `clerkMiddleware` in front. The helpers read the environment, so the global `fetch` reaches the
 * instance and `Date` follows its clock; only Next's request scope (`headers()`) is stood in for.
 */
import { verifyToken } from "@latchkey/backend";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OTHER_PUBLIC_PEM } from "../../backend/test/token-fixtures.js";
import {
  activateOrganization,
  appCookies,
  claimsOf,
  createOrganization,
  expireSessionTokens,
  instanceEnv,
  instanceOptions,
  instancePublicKeyPem,
  nextInterruptOf,
  refreshSessionToken,
  type SignedUpUser,
  signUpUser,
  syncDateWithInstance,
  type TestOrganization,
  throughMiddleware,
  useAppInstance,
  useInstanceGlobals,
  withClaims,
} from "../test/instance-fixtures.js";
import { isolateLatchkeyEnv } from "../test/server-test-fixtures.js";
import { auth } from "./auth.js";
import { clerkClient } from "./clerk-client.js";
import { currentUser } from "./current-user.js";
import { getAuth } from "./get-auth.js";
import { signAuthState } from "./internal/signed-auth-headers/signed-auth-state.js";
import {
  APP,
  nextRequest,
  PAGE,
  rewriteVerdict,
  verdictOf,
} from "./internal/testing.test-helpers.js";

// Next's request scope is the only thing stood in for: `headers()` answers the current request's.
const scope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

/** The `Cookie` header a browser sends to the app (see `appCookies`). */
function appCookieHeader(browser: SignedUpUser["browser"]): string {
  return Object.entries(appCookies(browser))
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

/** Makes `headers` the current request's (what `headers()` answers), with `cookies` if given. */
function currentRequest(headers: HeadersInit, cookies?: Record<string, string>): void {
  scope.headers = new Headers(headers);
  if (cookies) {
    scope.headers.set(
      "cookie",
      Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join("; "),
    );
  }
}

const API = { accept: "application/json", "sec-fetch-dest": "empty" } as const;
/**
 * A JWT key that is not the instance's: with it (and the instance's secret key) the page's own
 * verification refuses every token, so only the middleware's verdict can sign it in.
 */
const FOREIGN_JWT_KEY = OTHER_PUBLIC_PEM;
const SERVER_ACTION = { "next-action": "7f3a9c", accept: "text/x-component" } as const;

describe("server helpers against a real instance", () => {
  const app = useAppInstance();
  isolateLatchkeyEnv(() => instanceEnv(app));

  let alice: SignedUpUser;
  let bob: SignedUpUser;
  let acme: TestOrganization;

  beforeAll(async () => {
    alice = await signUpUser(app, "alice+helpers@example.com");
    bob = await signUpUser(app, "bob+helpers@example.com");
    acme = await createOrganization(app, "Acme", "acme", [
      { userId: alice.userId, role: "org:admin" },
      { userId: bob.userId, role: "org:member" },
    ]);
    await activateOrganization(alice, acme.id);
    await activateOrganization(bob, acme.id);
  });

  useInstanceGlobals(app);

  beforeEach(() => {
    app.calls.length = 0;
    currentRequest({});
  });

  /** The headers the page behind `clerkMiddleware` (options: the instance's) receives. */
  async function behindMiddleware(request: ReturnType<typeof nextRequest>) {
    return throughMiddleware(request, instanceOptions(app));
  }

  /** The calls in `app.calls` to the Backend API's user endpoints. */
  const userCalls = () => app.calls.filter((call) => call.startsWith("GET /v1/users/"));

  describe("auth() without the middleware", () => {
    it("verifies the request's __session itself through the instance's JWKS", async () => {
      const token = await refreshSessionToken(alice);
      currentRequest(PAGE, appCookies(alice.browser));
      const { userId, sessionId, isAuthenticated, sessionClaims, getToken } = await auth();
      expect({ userId, sessionId, isAuthenticated }).toEqual({
        userId: alice.userId,
        sessionId: alice.sessionId,
        isAuthenticated: true,
      });
      expect(sessionClaims?.sub).toBe(alice.userId);
      expect(await getToken()).toBe(token);
      expect(app.calls).toEqual(["GET /v1/jwks"]);
    });

    it("verifies a Bearer token itself", async () => {
      const token = await refreshSessionToken(bob);
      currentRequest({ ...API, authorization: `Bearer ${token}` });
      expect((await auth()).userId).toBe(bob.userId);
    });

    it("is signed out for an expired cookie: no renewal outside the middleware", async () => {
      await refreshSessionToken(alice);
      expireSessionTokens(app);
      syncDateWithInstance(app);
      currentRequest(PAGE, appCookies(alice.browser));
      const { userId, isAuthenticated } = await auth();
      expect({ userId, isAuthenticated }).toEqual({ userId: null, isAuthenticated: false });
      expect(app.calls.filter((call) => call.includes("/__clerk/"))).toEqual([]);
    });

    it("never believes unsigned verdict headers: it verifies the request's own token", async () => {
      const aliceToken = await refreshSessionToken(alice);
      await refreshSessionToken(bob);
      // A verdict for Alice, signed with a key that is not the instance's secret key.
      const forged = await signAuthState(
        {
          status: "signed-in",
          reason: "",
          source: "cookie",
          token: aliceToken,
          url: `${APP}/admin`,
        },
        "sk_test_not_the_instance_key",
      );
      currentRequest(forged, appCookies(bob.browser));
      expect((await auth()).userId).toBe(bob.userId);
      currentRequest(forged);
      expect((await auth()).userId).toBeNull();
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 404 });
      // Even with Alice's token where the forged verdict points, it is not what signs anyone in.
      vi.stubEnv("CLERK_JWT_KEY", FOREIGN_JWT_KEY);
      currentRequest(forged, appCookies(alice.browser));
      expect((await auth()).userId).toBeNull();
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 404 });
    });

    it("auth.protect() sends a signed-out page to the sign-in page (the URL is unknown)", async () => {
      currentRequest(PAGE);
      expect(await nextInterruptOf(auth.protect())).toEqual({
        kind: "redirect",
        location: "/sign-in",
        status: 307,
      });
    });
  });

  describe("auth() behind the middleware", () => {
    it("uses the middleware's signed verdict", async () => {
      const token = await refreshSessionToken(alice);
      const { downstream } = await behindMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
      );
      expect(verdictOf(downstream)?.source).toBe("cookie");
      // The page's own verification refuses the token now: only the verdict can sign it in.
      vi.stubEnv("CLERK_JWT_KEY", FOREIGN_JWT_KEY);
      currentRequest(downstream);
      const current = await auth();
      expect(current.userId).toBe(alice.userId);
      expect(await current.getToken()).toBe(token);
      const unsigned = new Headers(downstream);
      rewriteVerdict(unsigned, { mac: "" });
      currentRequest(unsigned);
      expect((await auth()).userId).toBeNull();
      // Without the cookie it names, the verdict is void.
      const withoutCookie = new Headers(downstream);
      withoutCookie.delete("cookie");
      currentRequest(withoutCookie);
      expect((await auth()).userId).toBeNull();
    });

    it("sees the token the middleware renewed, and currentUser() works with it", async () => {
      const expired = await refreshSessionToken(alice);
      expireSessionTokens(app);
      syncDateWithInstance(app);
      const { downstream, verdict } = await behindMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
      );
      expect(app.calls).toContain(`POST /__clerk/v1/client/sessions/${alice.sessionId}/tokens`);
      expect(verdict?.source).toBe("cookie");
      expect(downstream.get("cookie")).toContain(`__session=${verdict?.token}`);
      currentRequest(downstream);
      const current = await auth();
      const renewed = await current.getToken();
      expect(renewed).toBe(verdict?.token);
      expect(renewed).not.toBe(expired);
      expect(current.sessionClaims?.iat).toBe(Math.floor(app.instance.clock.now() / 1000));
      expect((await currentUser())?.id).toBe(alice.userId);
    });

    it("falls back to the request when the signed headers were tampered with (fail closed)", async () => {
      const aliceToken = await refreshSessionToken(alice);
      const bobToken = await refreshSessionToken(bob);
      const { downstream } = await behindMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
      );
      const tampered = new Headers(downstream);
      rewriteVerdict(tampered, { reason: "altered" });
      currentRequest(tampered);
      // The page's own cookies are Alice's: verified here, they still say Alice.
      expect((await auth()).userId).toBe(alice.userId);

      // Alice's genuine verdict with Bob's token forged to name Alice (or Alice's token forged to
      // name Bob) in the cookie: the verdict is void, and the forged token is refused.
      for (const forged of [
        withClaims(bobToken, { sub: alice.userId, sid: alice.sessionId }),
        withClaims(aliceToken, { sub: bob.userId, sid: bob.sessionId }),
      ]) {
        const swapped = new Headers(downstream);
        swapped.set("cookie", appCookieHeader(alice.browser).replace(aliceToken, forged));
        currentRequest(swapped);
        expect((await auth()).userId).toBeNull();
      }
      // Flipped to a Bearer naming Bob, forged: the HMAC covers the source; the Bearer is refused.
      const switched = new Headers(downstream);
      rewriteVerdict(switched, { source: "authorization" });
      switched.set("authorization", `Bearer ${withClaims(aliceToken, { sub: bob.userId })}`);
      currentRequest(switched);
      expect((await auth()).userId).toBeNull();

      // Alice's verdict replayed with Bob's real cookie: Bob's own token speaks, never the verdict.
      const replayed = new Headers(downstream);
      replayed.set("cookie", appCookieHeader(bob.browser));
      currentRequest(replayed);
      expect((await auth()).userId).toBe(bob.userId);
      vi.stubEnv("CLERK_JWT_KEY", FOREIGN_JWT_KEY);
      currentRequest(replayed);
      expect((await auth()).userId).toBeNull();
    });

    it("signed out: protect() and redirectToSignIn() go to sign-in with the recorded redirect_url", async () => {
      const { downstream } = await behindMiddleware(
        nextRequest("/dashboard?tab=2", { headers: PAGE }),
      );
      currentRequest(downstream);
      const expected = {
        kind: "redirect",
        location: `${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}/dashboard?tab=2`)}`,
        status: 307,
      };
      expect(await nextInterruptOf(auth.protect())).toEqual(expected);
      const { redirectToSignIn } = await auth();
      expect(await nextInterruptOf(() => redirectToSignIn())).toEqual(expected);
    });

    it("signed out: 404 to an API request and to a server action, 401 with auth interrupts on", async () => {
      currentRequest(
        (await behindMiddleware(nextRequest("/api/data", { headers: API }))).downstream,
      );
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 404 });

      const action = nextRequest("/dashboard", { method: "POST", headers: SERVER_ACTION });
      currentRequest((await behindMiddleware(action)).downstream);
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 404 });
      vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 401 });
    });

    it("a tampered Bearer: the API route's protect() answers 404", async () => {
      const forged = withClaims(await refreshSessionToken(bob), { sub: alice.userId });
      const { downstream, verdict } = await behindMiddleware(
        nextRequest("/api/admin", {
          headers: { ...API, authorization: `Bearer ${forged}` },
        }),
      );
      expect(verdict?.reason).toBe("token-invalid-signature");
      currentRequest(downstream);
      expect(await nextInterruptOf(auth.protect())).toEqual({ kind: "http", status: 404 });
    });
  });

  describe("organizations: has() and auth.protect({ role | permission })", () => {
    it("gives the admin's active organization and lets protect({ role }) through", async () => {
      await refreshSessionToken(alice);
      currentRequest(PAGE, appCookies(alice.browser));
      const { orgId, orgRole, orgSlug, has } = await auth();
      expect({ orgId, orgRole, orgSlug }).toEqual({
        orgId: acme.id,
        orgRole: "org:admin",
        orgSlug: "acme",
      });
      expect(has({ role: "org:admin" })).toBe(true);
      expect(has({ permission: "org:sys_profile:manage" })).toBe(true);
      expect((await auth.protect({ role: "org:admin" })).orgId).toBe(acme.id);
    });

    it("refuses a member the admin role or permission: 404, or unauthorizedUrl", async () => {
      await refreshSessionToken(bob);
      const { downstream } = await behindMiddleware(
        nextRequest("/admin", { headers: PAGE, cookies: appCookies(bob.browser) }),
      );
      currentRequest(downstream);
      const { orgRole, has } = await auth();
      expect(orgRole).toBe("org:member");
      expect(has({ role: "org:admin" })).toBe(false);
      expect(has({ permission: "org:sys_memberships:read" })).toBe(true);

      expect(await nextInterruptOf(auth.protect({ role: "org:admin" }))).toEqual({
        kind: "http",
        status: 404,
      });
      expect(
        await nextInterruptOf(auth.protect({ permission: "org:sys_memberships:manage" })),
      ).toEqual({ kind: "http", status: 404 });
      expect(
        await nextInterruptOf(
          auth.protect({ role: "org:admin" }, { unauthorizedUrl: "/no-access" }),
        ),
      ).toEqual({ kind: "redirect", location: `${APP}/no-access`, status: 307 });
      expect((await auth.protect({ permission: "org:sys_memberships:read" })).userId).toBe(
        bob.userId,
      );
      expect((await auth.protect((check) => check({ role: "org:member" }))).userId).toBe(
        bob.userId,
      );
    });

    it("without the middleware, unauthorizedUrl stays relative", async () => {
      await refreshSessionToken(bob);
      currentRequest(PAGE, appCookies(bob.browser));
      expect(
        await nextInterruptOf(
          auth.protect({ role: "org:admin" }, { unauthorizedUrl: "/no-access" }),
        ),
      ).toEqual({ kind: "redirect", location: "/no-access", status: 307 });
    });
  });

  describe("getAuth()", () => {
    it("without the middleware: verifies cookies and Bearer tokens, pages-router requests too", async () => {
      // A route handler with its own `fetch`: its own verifier, so it loads the JWKS itself
      // (verifiers are kept per key material and per `fetch`, not per options object).
      const options = {
        ...instanceOptions(app),
        fetch: ((input, init) => app.fetch(input, init)) as typeof fetch,
      };
      await refreshSessionToken(alice);
      const cookies = appCookies(alice.browser);
      const cookieHeader = Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join("; ");
      const byCookie = await getAuth(
        new Request(`${APP}/api/me`, { headers: { cookie: cookieHeader } }),
        options,
      );
      expect(byCookie.userId).toBe(alice.userId);
      expect(app.calls).toEqual(["GET /v1/jwks"]);

      const bobToken = await refreshSessionToken(bob);
      const byBearer = await getAuth(
        new Request(`${APP}/api/me`, { headers: { authorization: `Bearer ${bobToken}` } }),
      );
      expect(byBearer.userId).toBe(bob.userId);

      const pagesRouter = await getAuth({ headers: {}, cookies });
      expect(pagesRouter.sessionId).toBe(alice.sessionId);
    });

    it("behind the middleware: uses the verdict; ignores it once any signed field is altered", async () => {
      await refreshSessionToken(alice);
      const { downstream } = await behindMiddleware(
        nextRequest("/api/me", { headers: API, cookies: appCookies(alice.browser) }),
      );
      // The page's own verification refuses the token: only the verdict can sign it in.
      const verdictOnly = { jwtKey: FOREIGN_JWT_KEY };
      const page = getAuth(new Request(`${APP}/api/me`, { headers: downstream }), verdictOnly);
      expect(page.userId).toBe(alice.userId);

      // Without the cookie it names, the verdict is void.
      const withoutCookie = new Headers(downstream);
      withoutCookie.delete("cookie");
      const noCookie = await getAuth(
        new Request(`${APP}/api/me`, { headers: withoutCookie }),
        verdictOnly,
      );
      expect(noCookie.userId).toBeNull();

      // The HMAC covers the recorded URL too: changing it voids the whole verdict.
      rewriteVerdict(downstream, { url: `${APP}/api/other` });
      const moved = await getAuth(
        new Request(`${APP}/api/other`, { headers: downstream }),
        verdictOnly,
      );
      expect(moved.userId).toBeNull();
    });

    it("getToken({ template }) mints a template token for the session through the Backend API", async () => {
      const created = await app.instance.call("POST", "/v1/jwt_templates", {
        body: {
          name: "helpers-api",
          claims: { email: "{{user.primary_email_address}}", org: "{{org.slug}}" },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      await refreshSessionToken(alice);
      const request = new Request(`${APP}/api/me`, {
        headers: { authorization: `Bearer ${alice.browser.cookies.get("__session")}` },
      });
      const jwt = await (await getAuth(request)).getToken({ template: "helpers-api" });
      expect(app.calls).toContain(`POST /v1/sessions/${alice.sessionId}/tokens/helpers-api`);
      const claims = await verifyToken(jwt ?? "", {
        jwtKey: await instancePublicKeyPem(app),
        now: () => app.instance.clock.now(),
      });
      expect(claims).toMatchObject({
        sub: alice.userId,
        email: alice.emailAddress,
        org: "acme",
      });

      currentRequest(PAGE, appCookies(alice.browser));
      const viaAuth = await (await auth()).getToken({ template: "helpers-api" });
      expect(claimsOf(viaAuth ?? "").email).toBe(alice.emailAddress);
      await expect((await auth()).getToken({ template: "no-such-template" })).rejects.toMatchObject(
        {
          status: 404,
        },
      );
    });
  });

  describe("currentUser() and clerkClient()", () => {
    it("currentUser() fetches the signed-in user from the instance, once per request", async () => {
      await refreshSessionToken(bob);
      currentRequest(PAGE, appCookies(bob.browser));
      const [first, second] = await Promise.all([currentUser(), currentUser()]);
      expect(first?.id).toBe(bob.userId);
      expect(first?.primaryEmailAddress?.emailAddress).toBe(bob.emailAddress);
      expect(second).toBe(first);
      expect(userCalls()).toEqual([`GET /v1/users/${bob.userId}`]);
    });

    it("currentUser() is null when signed out, without a Backend API call", async () => {
      currentRequest(PAGE);
      expect(await currentUser()).toBeNull();
      expect(app.calls).toEqual([]);
    });

    it("clerkClient() drives the Backend API: a revoked session is signed out at its next renewal", async () => {
      const carol = await signUpUser(app, "carol+helpers@example.com");
      await refreshSessionToken(carol);
      const client = await clerkClient();
      expect((await client.users.getUser(carol.userId)).primaryEmailAddress?.emailAddress).toBe(
        carol.emailAddress,
      );
      expect((await client.sessions.revokeSession(carol.sessionId)).status).toBe("revoked");
      expect(app.calls).toEqual([
        `GET /v1/users/${carol.userId}`,
        `POST /v1/sessions/${carol.sessionId}/revoke`,
      ]);

      expireSessionTokens(app);
      syncDateWithInstance(app);
      const { downstream, verdict } = await behindMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(carol.browser) }),
      );
      expect(app.calls).toContain(`POST /__clerk/v1/client/sessions/${carol.sessionId}/tokens`);
      expect(verdict).toMatchObject({ status: "signed-out", reason: "session-token-expired" });
      currentRequest(downstream);
      expect((await auth()).userId).toBeNull();
      expect(await currentUser()).toBeNull();
      expect(await nextInterruptOf(auth.protect())).toEqual({
        kind: "redirect",
        location: `${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}/dashboard`)}`,
        status: 307,
      });
    });
  });
});
