/**
 * `clerkMiddleware` against a real instance started in process: sessions come from sign-ups
 * through the instance's Frontend API, tokens are verified by its JWKS (or its PEM key), renewals
 * and template tokens go to it, organizations are made through its Backend API.
 */
import { NextResponse } from "next/server.js";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  activateOrganization,
  appCookies,
  claimsOf,
  createOrganization,
  expireSessionTokens,
  instanceOptions,
  instancePublicKeyPem,
  refreshSessionToken,
  type SignedUpUser,
  signedByAnotherKey,
  signUpUser,
  TEST_APP_ORIGIN,
  type TestOrganization,
  throughMiddleware,
  useAppInstance,
  withClaims,
} from "../test/instance-fixtures.js";
import { isolateLatchkeyEnv } from "../test/server-test-fixtures.js";
import { type ClerkMiddlewareOptions, clerkMiddleware } from "./clerk-middleware.js";
import type { ClerkMiddlewareAuth } from "./internal/middleware/middleware-auth.js";
import type { ProtectCondition, ProtectParams } from "./internal/protect-decision.js";
import { AUTH_HEADERS } from "./internal/signed-auth-headers/auth-header-names.js";
import {
  readSignedAuthState,
  signAuthState,
} from "./internal/signed-auth-headers/signed-auth-state.js";
import {
  APP,
  fetchEvent,
  nextRequest,
  PAGE,
  verdictHeader,
  verdictOf,
} from "./internal/testing.test-helpers.js";

const API = { accept: "application/json", "sec-fetch-dest": "empty" } as const;
const SERVER_ACTION = { "next-action": "7f3a9c", accept: "text/x-component" } as const;

describe("clerkMiddleware against a real instance", () => {
  const app = useAppInstance();
  isolateLatchkeyEnv();

  let alice: SignedUpUser;
  let bob: SignedUpUser;
  let acme: TestOrganization;

  beforeAll(async () => {
    alice = await signUpUser(app, "alice+mw@example.com");
    bob = await signUpUser(app, "bob+mw@example.com");
    acme = await createOrganization(app, "Acme", "acme", [
      { userId: alice.userId, role: "org:admin" },
      { userId: bob.userId, role: "org:member" },
    ]);
  });

  beforeEach(() => {
    app.calls.length = 0;
  });

  /** Options pointing the middleware at the instance (JWKS path), plus `overrides`. */
  const options = (overrides: ClerkMiddlewareOptions = {}) => instanceOptions(app, overrides);
  const expireTokens = () => expireSessionTokens(app);

  const signInRedirect = (path: string) =>
    `${APP}/sign-in?redirect_url=${encodeURIComponent(`${APP}${path}`)}`;

  /** The requests the middleware sent to the Frontend API (renewals). */
  const frontendCalls = () => app.calls.filter((call) => call.includes(" /__clerk/"));

  describe("request authentication (JWKS)", () => {
    it("signs a page in by a real sign-up's cookies, fetching the instance's JWKS once", async () => {
      const cookies = appCookies(alice.browser);
      const first = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies }),
        options(),
      );
      expect(first.seen.userId).toBe(alice.userId);
      expect(first.seen.sessionId).toBe(alice.sessionId);
      expect(first.seen.sessionClaims?.azp).toBe(TEST_APP_ORIGIN);
      expect(first.response.headers.get("x-middleware-next")).toBe("1");
      expect(first.verdict).toEqual({
        status: "signed-in",
        reason: "",
        source: "cookie",
        token: cookies.__session,
        url: `${APP}/dashboard`,
      });
      expect(verdictOf(first.downstream)?.source).toBe("cookie");
      expect(first.downstream.get("cookie")).toContain(`__session=${cookies.__session}`);

      const second = await throughMiddleware(nextRequest("/other", { cookies }), options());
      expect(second.seen.userId).toBe(alice.userId);
      expect(app.calls).toEqual(["GET /v1/jwks"]);
    });

    it("signs out a request without cookies (session-token-and-uat-missing)", async () => {
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/", { headers: PAGE }),
        options(),
      );
      expect(seen.userId).toBeNull();
      expect(seen.isAuthenticated).toBe(false);
      expect(verdict).toEqual({
        status: "signed-out",
        reason: "session-token-and-uat-missing",
        source: "",
        token: "",
        url: `${APP}/`,
      });
    });

    it("signs out a __session without __client_uat (a leftover cookie)", async () => {
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/", {
          headers: PAGE,
          cookies: { __session: await refreshSessionToken(alice) },
        }),
        options(),
      );
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("session-token-without-client-uat");
    });

    it("signs out the old __session after the browser signed out (__client_uat=0), without renewal", async () => {
      const leaving = await signUpUser(app, "leaving+mw@example.com");
      const oldToken = await refreshSessionToken(leaving);
      const signedOut = await leaving.browser.call("DELETE", "/v1/client");
      expect(signedOut.status).toBe(200);
      expect(leaving.browser.cookies.get("__client_uat")).toBe("0");
      expect(leaving.browser.cookies.has("__session")).toBe(false);

      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", {
          headers: PAGE,
          cookies: {
            __session: oldToken,
            __client_uat: "0",
            __client: leaving.browser.cookies.get("__client") ?? "",
          },
        }),
        options(),
      );
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("session-token-without-client-uat");
      expect(frontendCalls()).toEqual([]);
    });

    it("refuses a token whose signature does not match (tampered payload)", async () => {
      const forged = withClaims(await refreshSessionToken(bob), { sub: alice.userId });
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/", { cookies: { ...appCookies(bob.browser), __session: forged } }),
        options(),
      );
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("token-invalid-signature");
    });

    it("refuses a token signed by another key: jwk-kid-mismatch after one JWKS refetch per 30 s", async () => {
      const foreign = signedByAnotherKey(await refreshSessionToken(alice));
      app.instance.clock.advance(31_000);
      const request = () =>
        throughMiddleware(
          nextRequest("/", { cookies: { ...appCookies(alice.browser), __session: foreign } }),
          options(),
        );
      const first = await request();
      expect(first.seen.userId).toBeNull();
      expect(first.verdict?.reason).toBe("jwk-kid-mismatch");
      const second = await request();
      expect(second.verdict?.reason).toBe("jwk-kid-mismatch");
      expect(app.calls).toEqual(["GET /v1/jwks"]);
    });

    it("checks azp against authorizedParties", async () => {
      const cookies = { ...appCookies(alice.browser), __session: await refreshSessionToken(alice) };
      const refused = await throughMiddleware(
        nextRequest("/", { cookies }),
        options({ authorizedParties: [APP] }),
      );
      expect(refused.verdict?.reason).toBe("token-invalid-authorized-parties");
      const allowed = await throughMiddleware(
        nextRequest("/", { cookies }),
        options({ authorizedParties: [TEST_APP_ORIGIN] }),
      );
      expect(allowed.seen.userId).toBe(alice.userId);
    });
  });

  describe("Bearer tokens", () => {
    it("signs an API request in by its Bearer token; cookies are then ignored", async () => {
      const bobToken = await refreshSessionToken(bob);
      await refreshSessionToken(alice);
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/api/me", {
          headers: { ...API, authorization: `Bearer ${bobToken}` },
          cookies: appCookies(alice.browser),
        }),
        options(),
        async (auth) => {
          expect((await auth.protect()).userId).toBe(bob.userId);
        },
      );
      expect(seen.userId).toBe(bob.userId);
      expect(verdict).toMatchObject({ source: "authorization", token: bobToken });
    });

    it("answers a tampered Bearer with 404 on a protected API route and 401 to a server action", async () => {
      const forged = withClaims(await refreshSessionToken(bob), { sub: alice.userId });
      let reached = 0;
      const protectedRoute = async (auth: ClerkMiddlewareAuth) => {
        await auth.protect();
        reached += 1;
      };
      const api = await throughMiddleware(
        nextRequest("/api/admin", { headers: { ...API, authorization: `Bearer ${forged}` } }),
        options(),
        protectedRoute,
      );
      expect(api.response.status).toBe(404);
      expect(await api.response.text()).toBe("Not Found");
      expect(api.verdict).toBeUndefined();

      const action = await throughMiddleware(
        nextRequest("/dashboard", {
          method: "POST",
          headers: { ...SERVER_ACTION, authorization: `Bearer ${forged}` },
        }),
        options(),
        protectedRoute,
      );
      expect(action.response.status).toBe(401);
      expect(action.seen.userId).toBeNull();
      expect(reached).toBe(0);
    });

    it("signs out an expired Bearer token and never renews it", async () => {
      const token = await refreshSessionToken(bob);
      expireTokens();
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/api/me", {
          headers: { ...API, authorization: `Bearer ${token}` },
          cookies: { __client: bob.browser.cookies.get("__client") ?? "", __client_uat: "1" },
        }),
        options(),
      );
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("token-expired");
      expect(frontendCalls()).toEqual([]);
    });
  });

  describe("auth.protect()", () => {
    const protect =
      (protectOptions?: { unauthenticatedUrl?: string }) => async (auth: ClerkMiddlewareAuth) => {
        await auth.protect(undefined, protectOptions);
      };

    it("redirects a signed-out page to sign-in with redirect_url", async () => {
      const { response } = await throughMiddleware(
        nextRequest("/dashboard?tab=2", { headers: PAGE }),
        options(),
        protect(),
      );
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(signInRedirect("/dashboard?tab=2"));
    });

    it("answers 404 to a signed-out API request and 401 to a signed-out server action", async () => {
      const api = await throughMiddleware(
        nextRequest("/api/data", { headers: API }),
        options(),
        protect(),
      );
      expect(api.response.status).toBe(404);
      const action = await throughMiddleware(
        nextRequest("/dashboard", { method: "POST", headers: SERVER_ACTION }),
        options(),
        protect(),
      );
      expect(action.response.status).toBe(401);
    });

    it("redirects a signed-out request to unauthenticatedUrl when given", async () => {
      const { response } = await throughMiddleware(
        nextRequest("/api/data", { headers: API }),
        options(),
        protect({ unauthenticatedUrl: "/welcome" }),
      );
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(`${APP}/welcome`);
    });

    it("lets a signed-in page through to the page", async () => {
      await refreshSessionToken(alice);
      const { response, verdict } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
        options(),
        protect(),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(verdict?.status).toBe("signed-in");
    });

    it("publicRoutes: public pages stay open, the rest requires a session", async () => {
      const publicOptions = options({ publicRoutes: ["/", "/sign-in(.*)"] });
      const open = await throughMiddleware(
        nextRequest("/sign-in", { headers: PAGE }),
        publicOptions,
      );
      expect(open.response.headers.get("x-middleware-next")).toBe("1");

      const closedRequest = nextRequest("/settings", { headers: PAGE });
      const closed = await clerkMiddleware(publicOptions)(closedRequest, fetchEvent(closedRequest));
      expect(closed.status).toBe(307);
      expect(closed.headers.get("location")).toBe(signInRedirect("/settings"));

      await refreshSessionToken(bob);
      const signedIn = await throughMiddleware(
        nextRequest("/settings", { headers: PAGE, cookies: appCookies(bob.browser) }),
        publicOptions,
      );
      expect(signedIn.seen.userId).toBe(bob.userId);
      expect(signedIn.response.headers.get("x-middleware-next")).toBe("1");
    });
  });

  describe("organizations and has()", () => {
    beforeAll(async () => {
      await activateOrganization(alice, acme.id);
      await activateOrganization(bob, acme.id);
    });

    /** Runs a page request for `user` (fresh token) whose handler calls `protect(params)`. */
    async function protectAs(
      user: SignedUpUser,
      params: ProtectParams | ProtectCondition,
      protectOptions?: { unauthorizedUrl?: string },
    ) {
      await refreshSessionToken(user);
      return throughMiddleware(
        nextRequest("/admin", { headers: PAGE, cookies: appCookies(user.browser) }),
        options(),
        async (auth) => {
          await auth.protect(params, protectOptions);
        },
      );
    }

    it("gives an admin's active organization: id, role, slug, permissions, has()", async () => {
      await refreshSessionToken(alice);
      const { seen } = await throughMiddleware(
        nextRequest("/", { cookies: appCookies(alice.browser) }),
        options(),
      );
      expect(seen.orgId).toBe(acme.id);
      expect(seen.orgRole).toBe("org:admin");
      expect(seen.orgSlug).toBe("acme");
      expect(seen.orgPermissions).toEqual(
        expect.arrayContaining(["org:sys_memberships:manage", "org:sys_profile:delete"]),
      );
      expect(seen.has({ role: "org:admin" })).toBe(true);
      expect(seen.has({ permission: "org:sys_memberships:manage" })).toBe(true);
      const allowed = await protectAs(alice, { role: "org:admin" });
      expect(allowed.response.headers.get("x-middleware-next")).toBe("1");
    });

    it("gives a member's role and permissions; has() refuses the admin's", async () => {
      await refreshSessionToken(bob);
      const { seen } = await throughMiddleware(
        nextRequest("/", { cookies: appCookies(bob.browser) }),
        options(),
      );
      expect(seen.orgId).toBe(acme.id);
      expect(seen.orgRole).toBe("org:member");
      expect(seen.orgPermissions).toEqual(["org:sys_memberships:read"]);
      expect(seen.has({ role: "org:member" })).toBe(true);
      expect(seen.has({ role: "org:admin" })).toBe(false);
      expect(seen.has({ permission: "org:sys_memberships:read" })).toBe(true);
      expect(seen.has({ permission: "org:sys_memberships:manage" })).toBe(false);
    });

    it("protect({ role }) / protect({ permission }): 404 to a page, or a redirect to unauthorizedUrl", async () => {
      const byRole = await protectAs(bob, { role: "org:admin" });
      expect(byRole.response.status).toBe(404);
      const byPermission = await protectAs(bob, { permission: "org:sys_memberships:manage" });
      expect(byPermission.response.status).toBe(404);
      const redirected = await protectAs(
        bob,
        { role: "org:admin" },
        { unauthorizedUrl: "/no-access" },
      );
      expect(redirected.response.status).toBe(307);
      expect(redirected.response.headers.get("location")).toBe(`${APP}/no-access`);

      const allowed = await protectAs(bob, { permission: "org:sys_memberships:read" });
      expect(allowed.response.headers.get("x-middleware-next")).toBe("1");
      const byCondition = await protectAs(bob, (has) => has({ role: "org:member" }));
      expect(byCondition.response.headers.get("x-middleware-next")).toBe("1");
    });

    it("follows a role changed through the Backend API in the next token", async () => {
      const changed = await app.instance.call(
        "PATCH",
        `/v1/organizations/${acme.id}/memberships/${bob.userId}`,
        { body: { role: "org:admin" } },
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      const promoted = await protectAs(bob, { role: "org:admin" });
      expect(promoted.seen.orgRole).toBe("org:admin");
      expect(promoted.response.headers.get("x-middleware-next")).toBe("1");

      await app.instance.call("PATCH", `/v1/organizations/${acme.id}/memberships/${bob.userId}`, {
        body: { role: "org:member" },
      });
      const demoted = await protectAs(bob, { role: "org:admin" });
      expect(demoted.response.status).toBe(404);
    });

    it("has no organization on the personal account: has() is false, protect({ role }) 404", async () => {
      const personal = await bob.browser.call(
        "POST",
        `/v1/client/sessions/${bob.sessionId}/touch`,
        {
          form: { active_organization_id: "" },
        },
      );
      expect(personal.status).toBe(200);
      const result = await protectAs(bob, { role: "org:member" });
      expect(result.seen.userId).toBe(bob.userId);
      expect(result.seen.orgId).toBeUndefined();
      expect(result.seen.has({ role: "org:member" })).toBe(false);
      expect(result.response.status).toBe(404);
      await activateOrganization(bob, acme.id);
    });

    it("getToken({ template }) fetches a template token from the instance for the session", async () => {
      const template = await app.instance.call("POST", "/v1/jwt_templates", {
        body: { name: "mw-api", claims: { org: "{{org.id}}", role: "{{org.role}}" } },
      });
      expect(template.status, JSON.stringify(template.body)).toBe(200);
      await refreshSessionToken(alice);
      const { seen } = await throughMiddleware(
        nextRequest("/api/x", { headers: API, cookies: appCookies(alice.browser) }),
        options(),
      );
      const jwt = await seen.getToken({ template: "mw-api" });
      expect(claimsOf(jwt ?? "")).toMatchObject({
        sub: alice.userId,
        org: acme.id,
        role: "org:admin",
      });
      expect(app.calls).toContain(`POST /v1/sessions/${alice.sessionId}/tokens/mw-api`);
    });
  });

  describe("session renewal", () => {
    const renewalCall = (user: SignedUpUser) =>
      `POST /__clerk/v1/client/sessions/${user.sessionId}/tokens`;

    it("renews an expired __session once through the instance; the page gets the new token", async () => {
      const expired = await refreshSessionToken(alice);
      expireTokens();
      const cookies = appCookies(alice.browser);
      let handlerCookie: string | undefined;
      const { response, seen, verdict, downstream } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies }),
        options(),
        async (auth, req) => {
          await auth.protect();
          handlerCookie = req.cookies.get("__session")?.value;
        },
      );
      expect(frontendCalls()).toEqual([renewalCall(alice)]);
      const fresh = verdict?.token ?? "";
      expect(fresh).not.toBe(expired);
      expect(claimsOf(fresh)).toMatchObject({
        sub: alice.userId,
        sid: alice.sessionId,
        azp: APP,
        iat: Math.floor(app.instance.clock.now() / 1000),
      });
      expect(seen.userId).toBe(alice.userId);
      expect(handlerCookie).toBe(fresh);
      expect(verdict).toMatchObject({
        status: "signed-in",
        source: "cookie",
        url: `${APP}/dashboard`,
      });
      expect(response.headers.getSetCookie()).toEqual([
        `__session=${fresh}; Path=/; SameSite=Lax; Secure`,
      ]);
      expect(downstream.get("cookie")).toContain(`__session=${fresh}`);
      expect(downstream.get("cookie")).toContain(`__client=${cookies.__client}`);
      expect(downstream.get("cookie")).not.toContain(expired);
    });

    it("renews an API request's expired cookie as well (no redirect involved)", async () => {
      await refreshSessionToken(bob);
      expireTokens();
      const { seen } = await throughMiddleware(
        nextRequest("/api/data", { headers: API, cookies: appCookies(bob.browser) }),
        options(),
      );
      expect(seen.userId).toBe(bob.userId);
      expect(frontendCalls()).toEqual([renewalCall(bob)]);
    });

    it("renews a stale token (issued before the latest __client_uat)", async () => {
      const stale = await refreshSessionToken(alice);
      const issuedAt = claimsOf(stale).iat as number;
      app.instance.clock.advance(2_000);
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", {
          headers: PAGE,
          cookies: { ...appCookies(alice.browser), __client_uat: String(issuedAt + 1) },
        }),
        options(),
      );
      expect(frontendCalls()).toEqual([renewalCall(alice)]);
      expect(seen.userId).toBe(alice.userId);
      expect(claimsOf(verdict?.token ?? "").iat).toBe(issuedAt + 2);
    });

    it("tries once per request: a renewed token refused here is not renewed again", async () => {
      await refreshSessionToken(alice);
      expireTokens();
      // The browser's token names TEST_APP_ORIGIN; the renewal (Origin: the app) names APP.
      const { seen, verdict, response } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
        options({ authorizedParties: [TEST_APP_ORIGIN] }),
      );
      expect(frontendCalls()).toEqual([renewalCall(alice)]);
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("token-invalid-authorized-parties");
      expect(response.headers.getSetCookie()).toEqual([
        "__latchkey_renewals=1; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure",
      ]);
    });

    it("stops at the loop guard: no renewal once the counter reaches 3; protect redirects", async () => {
      await refreshSessionToken(alice);
      expireTokens();
      const { seen, verdict, response } = await throughMiddleware(
        nextRequest("/dashboard", {
          headers: PAGE,
          cookies: { ...appCookies(alice.browser), __latchkey_renewals: "3" },
        }),
        options(),
        async (auth) => {
          await auth.protect();
        },
      );
      expect(frontendCalls()).toEqual([]);
      expect(seen.userId).toBeNull();
      expect(verdict).toBeUndefined();
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(signInRedirect("/dashboard"));
    });

    it("clears the loop counter once a renewal succeeds", async () => {
      await refreshSessionToken(alice);
      expireTokens();
      const { seen, response } = await throughMiddleware(
        nextRequest("/", { cookies: { ...appCookies(alice.browser), __latchkey_renewals: "2" } }),
        options(),
      );
      expect(seen.userId).toBe(alice.userId);
      const setCookies = response.headers.getSetCookie();
      expect(setCookies).toHaveLength(2);
      expect(setCookies[0]).toMatch(
        /^__session=[\w-]+\.[\w-]+\.[\w-]+; Path=\/; SameSite=Lax; Secure$/,
      );
      expect(setCookies[1]).toBe(
        "__latchkey_renewals=0; Path=/; SameSite=Lax; Max-Age=0; HttpOnly; Secure",
      );
    });

    it("does not renew an expired token whose signature does not verify", async () => {
      const token = await refreshSessionToken(alice);
      expireTokens();
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", {
          headers: PAGE,
          cookies: {
            ...appCookies(alice.browser),
            __session: withClaims(token, { sub: bob.userId }),
          },
        }),
        options(),
      );
      expect(frontendCalls()).toEqual([]);
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("token-invalid-signature");
    });

    it("does not renew without the __client cookie", async () => {
      await refreshSessionToken(alice);
      expireTokens();
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser, false) }),
        options(),
      );
      expect(frontendCalls()).toEqual([]);
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("session-token-expired");
    });

    it("does not renew another browser's session with this browser's __client cookie", async () => {
      const bobToken = await refreshSessionToken(bob);
      expireTokens();
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", {
          headers: PAGE,
          cookies: { ...appCookies(alice.browser), __session: bobToken },
        }),
        options(),
      );
      expect(frontendCalls()).toEqual([renewalCall(bob)]);
      expect(seen.userId).toBeNull();
      expect(verdict).toMatchObject({ status: "signed-out", reason: "session-token-expired" });
    });

    it("a revoked session: its token holds until it expires, then renewal fails and it is signed out", async () => {
      const carol = await signUpUser(app, "carol+mw@example.com");
      await refreshSessionToken(carol);
      const revoked = await app.instance.call("POST", `/v1/sessions/${carol.sessionId}/revoke`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe("revoked");

      const beforeExpiry = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(carol.browser) }),
        options(),
      );
      expect(beforeExpiry.seen.userId).toBe(carol.userId);

      expireTokens();
      const { seen, verdict, response } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(carol.browser) }),
        options(),
        async (auth) => {
          await auth.protect();
        },
      );
      expect(frontendCalls()).toEqual([renewalCall(carol)]);
      expect(seen.userId).toBeNull();
      expect(verdict).toBeUndefined();
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(signInRedirect("/dashboard"));
      expect(response.headers.getSetCookie()).toEqual([
        "__latchkey_renewals=1; Path=/; SameSite=Lax; Max-Age=60; HttpOnly; Secure",
      ]);

      const unprotected = await throughMiddleware(
        nextRequest("/", { headers: PAGE, cookies: appCookies(carol.browser) }),
        options(),
      );
      expect(unprotected.verdict).toMatchObject({
        status: "signed-out",
        reason: "session-token-expired",
      });
      expect(frontendCalls()).toEqual([renewalCall(carol), renewalCall(carol)]);
    });
  });

  describe("forged auth headers", () => {
    it("strips client-sent verdict headers and signs its own verdict", async () => {
      const aliceToken = await refreshSessionToken(alice);
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
      const headers: Record<string, string> = {
        ...PAGE,
        "x-clerk-auth-extra": "1",
        // The inline token header: only written when a handler sets the page's headers itself.
        "x-clerk-auth-token": aliceToken,
        // Verdict headers of earlier versions: still stripped.
        "x-clerk-auth-status": "signed-in",
        "x-clerk-clerk-url": `${APP}/admin`,
      };
      for (const [name, value] of forged) headers[name] = value;
      let handlerSaw: string[] | undefined; // stays undefined unless the handler runs
      const { seen, verdict, downstream } = await throughMiddleware(
        // The token the forged verdict points at is there, but not the rest of a session.
        nextRequest("/admin", { headers, cookies: { __session: aliceToken } }),
        options(),
        (_auth, req) => {
          handlerSaw = [...req.headers.keys()].filter((name) => name.startsWith("x-clerk-"));
        },
      );
      expect(handlerSaw).toEqual([]);
      expect(seen.userId).toBeNull();
      expect(verdict).toEqual({
        status: "signed-out",
        reason: "session-token-without-client-uat",
        source: "",
        token: "",
        url: `${APP}/admin`,
      });
      expect(downstream.get(AUTH_HEADERS.verdict)).not.toBe(
        forged.find(([name]) => name === AUTH_HEADERS.verdict)?.[1],
      );
      expect(downstream.has("x-clerk-auth-extra")).toBe(false);
      expect(downstream.has("x-clerk-auth-token")).toBe(false);
      expect(downstream.has("x-clerk-auth-status")).toBe(false);
      expect(downstream.has("x-clerk-clerk-url")).toBe(false);
    });

    it("replaces a genuine verdict replayed from another request with the request's own", async () => {
      await refreshSessionToken(alice);
      const aliceRun = await throughMiddleware(
        nextRequest("/admin", { cookies: appCookies(alice.browser) }),
        options(),
      );
      const replayed: Record<string, string> = {};
      for (const name of Object.values(AUTH_HEADERS)) {
        replayed[name] = aliceRun.downstream.get(name) ?? "";
      }
      await refreshSessionToken(bob);
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/admin", { headers: replayed, cookies: appCookies(bob.browser) }),
        options(),
      );
      expect(seen.userId).toBe(bob.userId);
      expect(verdict?.token).toBe(bob.browser.cookies.get("__session"));

      // Past the middleware too: Alice's genuine verdict read with Bob's cookie is no verdict.
      const secretKey = options().secretKey;
      const withCookie = (cookie: string) => (name: string) =>
        name === "cookie" ? cookie : (aliceRun.downstream.get(name) ?? undefined);
      const aliceCookie = aliceRun.downstream.get("cookie") ?? "";
      expect(await readSignedAuthState(withCookie(aliceCookie), secretKey)).toMatchObject({
        status: "signed-in",
        token: alice.browser.cookies.get("__session"),
      });
      const bobCookie = `__session=${bob.browser.cookies.get("__session")}`;
      expect(await readSignedAuthState(withCookie(bobCookie), secretKey)).toBeUndefined();
    });

    it("drops verdict headers a handler copies into NextResponse.next({ request })", async () => {
      await refreshSessionToken(bob);
      const forgedHeaders = {
        [AUTH_HEADERS.verdict]: verdictHeader({ status: "signed-in", source: "inline" }),
        "x-clerk-auth-token": "forged",
      };
      const { verdict, downstream } = await throughMiddleware(
        nextRequest("/admin", { headers: forgedHeaders, cookies: appCookies(bob.browser) }),
        options(),
        (_auth, req) => {
          const headers = new Headers(req.headers);
          for (const [name, value] of Object.entries(forgedHeaders)) headers.set(name, value);
          headers.set("x-app", "kept");
          return NextResponse.next({ request: { headers } });
        },
      );
      // The handler set the page's headers itself: the token travels inline, and it is Bob's
      // genuine token, never the copied "forged" one.
      expect(verdict).toMatchObject({
        status: "signed-in",
        source: "inline",
        token: bob.browser.cookies.get("__session"),
      });
      expect(verdictOf(downstream)?.source).toBe("inline");
      expect(downstream.get(AUTH_HEADERS.token)).toBe(bob.browser.cookies.get("__session"));
      expect(downstream.get("x-app")).toBe("kept");
    });

    // Next replaces the page's request headers with exactly those a handler's override lists, so
    // a handler passing fresh headers drops the `Cookie`: the verdict then carries the token.
    it("a handler's fresh request headers (no Cookie) still reach the page signed in", async () => {
      await refreshSessionToken(bob);
      const { verdict, downstream } = await throughMiddleware(
        nextRequest("/admin", {
          headers: {
            [AUTH_HEADERS.verdict]: verdictHeader({ status: "signed-in", source: "inline" }),
            "x-clerk-auth-token": "forged",
          },
          cookies: appCookies(bob.browser),
        }),
        options(),
        () => {
          const headers = new Headers({ "x-clerk-auth-token": "forged", "x-app": "kept" });
          return NextResponse.next({ request: { headers } });
        },
      );
      expect(downstream.get("x-app")).toBe("kept");
      expect(downstream.has("cookie")).toBe(false);
      expect(downstream.get(AUTH_HEADERS.token)).toBe(bob.browser.cookies.get("__session"));
      expect(verdict).toMatchObject({
        status: "signed-in",
        source: "inline",
        token: bob.browser.cookies.get("__session"),
      });
    });
  });

  describe("Frontend API forwarding", () => {
    it("rewrites /__clerk/* to the instance, which answers the rewritten request", async () => {
      const request = nextRequest("/__clerk/v1/environment?_clerk_js_version=5", {
        headers: { [AUTH_HEADERS.verdict]: verdictHeader({ status: "signed-in" }) },
      });
      const response = await clerkMiddleware(options())(request, fetchEvent(request));
      const target = response.headers.get("x-middleware-rewrite");
      expect(target).toBe(`${app.instance.baseUrl}/__clerk/v1/environment?_clerk_js_version=5`);
      expect(response.headers.get(`x-middleware-request-${AUTH_HEADERS.verdict}`)).toBeNull();
      const answer = await app.fetch(target ?? "", { headers: { origin: TEST_APP_ORIGIN } });
      expect(answer.status).toBe(200);
      expect((await answer.json()).auth_config.object).toBe("auth_config");
    });

    /** The request Next sends for a rewrite: the target, with the request headers it was given. */
    const rewritten = (response: Response, body: string): Request => {
      const headers = new Headers();
      const names = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
      for (const name of names) {
        const value = response.headers.get(`x-middleware-request-${name}`);
        if (value !== null) headers.set(name, value);
      }
      return new Request(response.headers.get("x-middleware-rewrite") ?? "", {
        method: "POST",
        headers,
        body,
      });
    };

    /** Sign-in attempts through the middleware's forwarding, each claiming another address. */
    const attemptsThroughApp = async (count: number, overrides: ClerkMiddlewareOptions) => {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) {
        const body = `identifier=nobody${i}%40forwarded.example`;
        const request = nextRequest("/__clerk/v1/client/sign_ins", {
          method: "POST",
          headers: {
            origin: APP,
            "content-type": "application/x-www-form-urlencoded",
            "x-forwarded-for": `198.51.100.${i + 1}`,
            "x-real-ip": `198.51.100.${i + 1}`,
            forwarded: `for=198.51.100.${i + 1}`,
            "x-forwarded-proto": "https",
            "x-test-ip": `203.0.113.${i + 1}`,
            "clerk-proxy-url": "https://evil.example/__clerk",
          },
          body,
        });
        // `instanceOptions` caches by plain data: functions in `overrides` go on a copy.
        const configured = { ...options(), ...overrides };
        const response = await clerkMiddleware(configured)(request, fetchEvent(request));
        const forwarded = rewritten(response, body);
        for (const claim of ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-proto"]) {
          expect(forwarded.headers.get(claim), claim).toBeNull();
        }
        expect(forwarded.headers.get("x-latchkey-forwarded-client")).toMatch(/^v1;\d+;https;/);
        // Where the browser reaches the Frontend API: the app's own proxy, never the browser's claim.
        expect(forwarded.headers.get("clerk-proxy-url")).toBe(
          `${new URL(request.url).origin}/__clerk`,
        );
        statuses.push((await app.fetch(forwarded)).status);
      }
      app.instance.clock.advance(61_000);
      return statuses;
    };

    it("drops the browser's forwarded headers: rotating them spreads nothing over per-IP limits", async () => {
      const statuses = await attemptsThroughApp(33, {});
      expect(statuses.slice(0, 30)).toEqual(Array(30).fill(422));
      expect(statuses.slice(30)).toEqual([429, 429, 429]);
    });

    it("signs the address the app knows (clientIp), which the instance believes", async () => {
      const statuses = await attemptsThroughApp(33, {
        clientIp: (request) => request.headers.get("x-test-ip"),
      });
      expect(statuses).toEqual(Array(33).fill(422));
    });
  });

  describe("networkless verification with jwtKey", () => {
    let jwtKey = "";
    beforeAll(async () => {
      jwtKey = await instancePublicKeyPem(app);
    });

    it("verifies with the instance's PEM key without calling the instance", async () => {
      await refreshSessionToken(alice);
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(alice.browser) }),
        options({ jwtKey }),
      );
      expect(seen.userId).toBe(alice.userId);
      expect(verdict?.status).toBe("signed-in");
      expect(app.calls).toEqual([]);
    });

    it("still renews through the instance, and verifies the fresh token with the key", async () => {
      await refreshSessionToken(bob);
      expireTokens();
      const { seen } = await throughMiddleware(
        nextRequest("/dashboard", { headers: PAGE, cookies: appCookies(bob.browser) }),
        options({ jwtKey }),
      );
      expect(seen.userId).toBe(bob.userId);
      expect(app.calls).toEqual([`POST /__clerk/v1/client/sessions/${bob.sessionId}/tokens`]);
    });

    it("refuses a token signed by another key", async () => {
      const foreign = signedByAnotherKey(await refreshSessionToken(alice));
      const { seen, verdict } = await throughMiddleware(
        nextRequest("/", { cookies: { ...appCookies(alice.browser), __session: foreign } }),
        options({ jwtKey }),
      );
      expect(seen.userId).toBeNull();
      expect(verdict?.reason).toBe("token-invalid-signature");
      expect(app.calls).toEqual([]);
    });
  });
});
