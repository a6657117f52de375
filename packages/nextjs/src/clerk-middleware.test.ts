import { NextResponse } from "next/server.js";
import { describe, expect, it, vi } from "vitest";
import {
  fixtureOptions,
  isolateLatchkeyEnv,
  noNetwork,
  signedInCookies,
} from "../test/server-test-fixtures.js";
import {
  type ClerkMiddlewareHandler,
  type ClerkMiddlewareOptions,
  clerkMiddleware,
} from "./clerk-middleware.js";
import { createRouteMatcher } from "./create-route-matcher.js";
import type { MiddlewareAuthObject } from "./internal/middleware/middleware-auth.js";
import { AUTH_HEADERS } from "./internal/signed-auth-headers/auth-header-names.js";
import {
  readSignedAuthState,
  type SignedAuthState,
  signAuthState,
} from "./internal/signed-auth-headers/signed-auth-state.js";
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
import { LatchkeyNextjsError } from "./latchkey-nextjs-error.js";

const unreachable = noNetwork();

function options(overrides: ClerkMiddlewareOptions = {}): ClerkMiddlewareOptions {
  return {
    ...fixtureOptions(),
    fetch: unreachable.fetch,
    ...overrides,
  };
}

/** Runs a middleware and captures what its handler saw. */
async function run(
  request: ReturnType<typeof nextRequest>,
  handler?: ClerkMiddlewareHandler,
  middlewareOptions: ClerkMiddlewareOptions = options(),
) {
  let seen: MiddlewareAuthObject | undefined;
  const middleware = clerkMiddleware(async (auth, req, event) => {
    seen = auth();
    if (typeof handler === "function") return handler(auth, req, event);
  }, middlewareOptions);
  const response = await middleware(request, fetchEvent(request));
  return { response, seen };
}

isolateLatchkeyEnv();

describe("clerkMiddleware: authentication", () => {
  it("signs a request in by its __session cookie and passes a signed verdict downstream", async () => {
    const token = validToken();
    const { response, seen } = await run(
      nextRequest("/dashboard", {
        headers: PAGE,
        cookies: { __session: token, __client_uat: String(NOW_S - 100) },
      }),
    );
    expect(seen?.userId).toBe("user_2abc");
    expect(seen?.sessionId).toBe("sess_2abc");
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const downstream = downstreamHeaders(response);
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toEqual({
      status: "signed-in",
      reason: "",
      source: "cookie",
      token,
      url: `${APP}/dashboard`,
    });
    expect(verdictOf(downstream)?.source).toBe("cookie");
    expect(downstream.get("cookie")).toContain(`__session=${token}`);
    // The token travels once, in the cookie: no header repeats it.
    const carrying: string[] = [];
    downstream.forEach((value, name) => {
      if (value.includes(token)) carrying.push(name);
    });
    expect(carrying).toEqual(["cookie"]);
  });

  it("signs a request in by its Authorization: Bearer token", async () => {
    const token = validToken();
    const { response, seen } = await run(
      nextRequest("/api/data", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(seen?.isAuthenticated).toBe(true);
    expect(seen?.userId).toBe("user_2abc");
    const downstream = downstreamHeaders(response);
    expect(verdictOf(downstream)?.source).toBe("authorization");
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toMatchObject({ status: "signed-in", source: "authorization", token });
  });

  it("treats a request without a token as signed out", async () => {
    const { response, seen } = await run(nextRequest("/", { headers: PAGE }));
    expect(seen?.isAuthenticated).toBe(false);
    expect(seen?.userId).toBeNull();
    const downstream = downstreamHeaders(response);
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state?.status).toBe("signed-out");
    expect(state?.reason).toBe("session-token-and-uat-missing");
    expect(state?.source).toBe("");
    expect(verdictOf(downstream)?.source).toBe("");
  });

  it("signs out a token signed by another key, whatever its claims", async () => {
    const forged = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    const { seen } = await run(
      nextRequest("/", { headers: { authorization: `Bearer ${forged}` } }),
    );
    expect(seen?.userId).toBeNull();
  });

  it("refuses a token whose azp is not an authorized party", async () => {
    const { seen } = await run(
      nextRequest("/", { headers: { authorization: `Bearer ${validToken()}` } }),
      undefined,
      options({ authorizedParties: ["https://other.example.test"] }),
    );
    expect(seen?.isAuthenticated).toBe(false);
  });

  it("works without a handler", async () => {
    const middleware = clerkMiddleware(options());
    const request = nextRequest("/", { cookies: signedInCookies() });
    const response = await middleware(request, fetchEvent(request));
    expect(verdictOf(downstreamHeaders(response))?.status).toBe("signed-in");
  });

  it("answers with a Response, for a synchronous or an async handler alike", async () => {
    const syncProtect = clerkMiddleware((auth) => {
      void auth.protect();
    }, options());
    const signedIn = nextRequest("/", { cookies: signedInCookies() });
    const immediate = await syncProtect(signedIn, fetchEvent(signedIn));
    expect(immediate).toBeInstanceOf(Response);
    expect(verdictOf(downstreamHeaders(immediate))?.status).toBe("signed-in");

    const asyncProtect = clerkMiddleware(async (auth) => {
      await auth.protect();
    }, options());
    const later = asyncProtect(signedIn, fetchEvent(signedIn));
    expect(later).toBeInstanceOf(Promise);
    expect(verdictOf(downstreamHeaders(await later))?.status).toBe("signed-in");

    // A refusal thrown by a synchronous handler is still an answer, not an exception.
    const signedOut = nextRequest("/", { headers: PAGE });
    const refused = await syncProtect(signedOut, fetchEvent(signedOut));
    expect(refused).toBeInstanceOf(Response);
    expect(refused.status).toBe(307);
  });

  it("reports every failure as a rejection, never a synchronous throw", async () => {
    const failing = clerkMiddleware(() => {
      throw new Error("handler bug");
    }, options());
    const request = nextRequest("/", { cookies: signedInCookies() });
    const outcome = failing(request, fetchEvent(request));
    expect(outcome).toBeInstanceOf(Promise);
    await expect(outcome).rejects.toThrow("handler bug");
  });
});

describe("clerkMiddleware: auth.protect()", () => {
  const protect: ClerkMiddlewareHandler = async (auth) => {
    await auth.protect();
  };

  it("redirects a signed-out page request to sign-in with redirect_url", async () => {
    const { response } = await run(nextRequest("/dashboard?tab=1", { headers: PAGE }), protect);
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${APP}/sign-in`);
    expect(location.searchParams.get("redirect_url")).toBe(`${APP}/dashboard?tab=1`);
  });

  it("uses the configured sign-in URL (option over env)", async () => {
    vi.stubEnv("NEXT_PUBLIC_CLERK_SIGN_IN_URL", "/env-login");
    const fromEnv = await run(nextRequest("/x", { headers: PAGE }), protect);
    expect(new URL(fromEnv.response.headers.get("location") ?? "").pathname).toBe("/env-login");
    const fromOption = await run(
      nextRequest("/x", { headers: PAGE }),
      protect,
      options({ signInUrl: "https://accounts.example.test/login" }),
    );
    expect(fromOption.response.headers.get("location")).toMatch(
      /^https:\/\/accounts\.example\.test\/login\?redirect_url=/,
    );
  });

  it("answers 404 to a signed-out API request", async () => {
    const { response } = await run(
      nextRequest("/api/private", { headers: { accept: "application/json" } }),
      protect,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });

  it("answers 401 to a signed-out server action", async () => {
    const { response } = await run(
      nextRequest("/dashboard", {
        method: "POST",
        headers: { ...PAGE, "next-action": "7f3a", "content-type": "text/plain" },
        body: "[]",
      }),
      protect,
    );
    expect(response.status).toBe(401);
  });

  it("redirects to unauthenticatedUrl when given", async () => {
    const { response } = await run(
      nextRequest("/api/x", { headers: { accept: "application/json" } }),
      async (auth) => {
        await auth.protect({ unauthenticatedUrl: "/welcome" });
      },
    );
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${APP}/welcome`);
  });

  it("lets a signed-in request through and returns its auth object", async () => {
    let userId: string | undefined;
    const { response } = await run(
      nextRequest("/dashboard", { headers: PAGE, cookies: signedInCookies() }),
      async (auth) => {
        userId = (await auth.protect()).userId;
      },
    );
    expect(userId).toBe("user_2abc");
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("protects even when the handler forgets to await", async () => {
    const { response } = await run(nextRequest("/dashboard", { headers: PAGE }), (auth) => {
      void auth.protect();
    });
    expect(response.status).toBe(307);
  });

  describe("roles and permissions", () => {
    const orgToken = (rol: string) =>
      validToken({
        o: { id: "org_1", rol, slg: "acme", per: "read,manage", fpm: "2" },
        fea: "o:reports",
      });
    const request = (rol: string, headers: Record<string, string> = PAGE) =>
      nextRequest("/admin", {
        headers,
        cookies: { __session: orgToken(rol), __client_uat: String(NOW_S - 100) },
      });

    it("allows a matching role", async () => {
      const { response } = await run(request("admin"), async (auth) => {
        await auth.protect({ role: "org:admin" });
      });
      expect(response.headers.get("x-middleware-next")).toBe("1");
    });

    it("answers 404 to a missing role, even for a page", async () => {
      const { response } = await run(request("member"), async (auth) => {
        await auth.protect({ role: "org:admin" });
      });
      expect(response.status).toBe(404);
    });

    it("redirects a missing role to unauthorizedUrl when given", async () => {
      const { response } = await run(request("member"), async (auth) => {
        await auth.protect({ role: "org:admin", unauthorizedUrl: "/no-access" });
      });
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toBe(`${APP}/no-access`);
    });

    it("checks permissions, and conditions given as a function of has()", async () => {
      const allowed = await run(request("member"), async (auth) => {
        await auth.protect({ permission: "org:reports:read" });
      });
      expect(allowed.response.headers.get("x-middleware-next")).toBe("1");
      const denied = await run(request("member"), async (auth) => {
        await auth.protect({ permission: "org:reports:manage" });
      });
      expect(denied.response.status).toBe(404);
      const byFunction = await run(request("member"), async (auth) => {
        await auth.protect((has) => has({ role: "org:admin" }) || has({ permission: "org:x:y" }));
      });
      expect(byFunction.response.status).toBe(404);
    });
  });

  it("redirectToSignIn() honours returnBackUrl", async () => {
    const { response } = await run(nextRequest("/x", { headers: PAGE }), (auth) => {
      const { userId, redirectToSignIn } = auth();
      if (!userId) return redirectToSignIn({ returnBackUrl: "/after" });
    });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("redirect_url")).toBe(`${APP}/after`);
  });

  it("rethrows errors that are not its own", async () => {
    const middleware = clerkMiddleware(() => {
      throw new Error("handler bug");
    }, options());
    const request = nextRequest("/");
    await expect(middleware(request, fetchEvent(request))).rejects.toThrow("handler bug");
  });
});

describe("clerkMiddleware: publicRoutes", () => {
  const middlewareOptions = options({ publicRoutes: ["/", "/sign-in(.*)", "/api/public/:path*"] });

  it("lets signed-out requests reach public routes", async () => {
    for (const path of ["/", "/sign-in", "/sign-in/factor-one", "/api/public/a/b"]) {
      const { response } = await run(
        nextRequest(path, { headers: PAGE }),
        undefined,
        middlewareOptions,
      );
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("protects everything else", async () => {
    const page = await run(
      nextRequest("/settings", { headers: PAGE }),
      undefined,
      middlewareOptions,
    );
    expect(page.response.status).toBe(307);
    const api = await run(nextRequest("/api/private"), undefined, middlewareOptions);
    expect(api.response.status).toBe(404);
    const signedIn = await run(
      nextRequest("/settings", { headers: PAGE, cookies: signedInCookies() }),
      undefined,
      middlewareOptions,
    );
    expect(signedIn.response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("clerkMiddleware: handler responses", () => {
  it("uses a handler's own response as is", async () => {
    const { response } = await run(nextRequest("/"), () =>
      Response.json({ hello: "world" }, { status: 418 }),
    );
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ hello: "world" });
    expect(response.headers.get("x-middleware-override-headers")).toBeNull();
  });

  it("adds the signed verdict to a handler's rewrite", async () => {
    const cookies = signedInCookies();
    const { response } = await run(nextRequest("/old", { cookies }), () =>
      NextResponse.rewrite(new URL("/new", APP)),
    );
    expect(response.headers.get("x-middleware-rewrite")).toBe(`${APP}/new`);
    const downstream = downstreamHeaders(response);
    // The MAC is exactly the secret key's over the request's own verdict and token...
    const verdict: SignedAuthState = {
      status: "signed-in",
      reason: "",
      source: "cookie",
      token: cookies.__session ?? "",
      url: `${APP}/old`,
    };
    const [[, expected = ""] = []] = await signAuthState(verdict, SECRET_KEY);
    expect(downstream.get(AUTH_HEADERS.verdict)).toBe(expected);
    expect(await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY)).toEqual(
      verdict,
    );
    // ...and a verdict with any other MAC is not believed.
    const mac = verdictOf(downstream)?.mac ?? "";
    const tampered = new Headers(downstream);
    rewriteVerdict(tampered, { mac: `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}` });
    expect(await readSignedAuthState((n) => tampered.get(n) ?? undefined, SECRET_KEY)).toBe(
      undefined,
    );
  });

  it("keeps a handler's request-header overrides but replaces auth headers it copied", async () => {
    const forgedVerdict = verdictHeader({ status: "signed-in", source: "inline" });
    const request = nextRequest("/", {
      headers: { "x-clerk-auth-verdict": forgedVerdict, "x-clerk-auth-token": validToken() },
    });
    const { response } = await run(request, (_auth, req) => {
      const headers = new Headers(req.headers);
      headers.set("x-custom", "kept");
      headers.set("x-clerk-auth-verdict", forgedVerdict);
      headers.set("x-clerk-auth-token", validToken());
      headers.set("x-clerk-auth-role", "admin");
      return NextResponse.next({ request: { headers } });
    });
    const downstream = downstreamHeaders(response);
    expect(downstream.get("x-custom")).toBe("kept");
    expect(downstream.has("x-clerk-auth-role")).toBe(false);
    expect(response.headers.has("x-middleware-request-x-clerk-auth-role")).toBe(false);
    expect(downstream.has("x-clerk-auth-token")).toBe(false);
    expect(response.headers.has("x-middleware-request-x-clerk-auth-token")).toBe(false);
    expect(verdictOf(downstream)?.status).toBe("signed-out");
    expect(verdictOf(downstream)?.source).toBe("");
  });
});

describe("clerkMiddleware: forged auth headers", () => {
  it("strips incoming auth headers and signs its own verdict (fail closed)", async () => {
    // An admin token the instance never signed, in the cookie a forged verdict points at (and in
    // the inline token header, and in the separate headers earlier versions wrote).
    const forgedToken = signToken(sessionClaims({ sub: "user_admin" }), {
      privateKey: OTHER_PRIVATE_PEM,
    });
    const request = nextRequest("/", {
      headers: {
        "x-clerk-auth-verdict": verdictHeader({
          status: "signed-in",
          source: "cookie",
          mac: "AAAA",
        }),
        "x-clerk-auth-token": forgedToken,
        "x-clerk-auth-status": "signed-in",
        "x-clerk-auth-token-source": "cookie",
        "x-clerk-clerk-url": `${APP}/`,
        "x-clerk-auth-signature": "AAAA",
        "x-clerk-auth-extra": "x",
      },
      cookies: { __session: forgedToken },
    });
    let handlerSaw: string[] | undefined; // stays undefined unless the handler runs
    const { response, seen } = await run(request, (_auth, req) => {
      handlerSaw = [...req.headers.keys()].filter((name) => name.startsWith("x-clerk-"));
    });
    expect(seen?.userId).toBeNull();
    expect(handlerSaw).toEqual([]);
    const downstream = downstreamHeaders(response);
    expect(verdictOf(downstream)?.status).toBe("signed-out");
    expect(verdictOf(downstream)?.source).toBe("");
    expect(downstream.has("x-clerk-auth-token")).toBe(false);
    expect(downstream.has("x-clerk-auth-extra")).toBe(false);
    expect(downstream.has("x-clerk-auth-status")).toBe(false);
    expect(downstream.has("x-clerk-clerk-url")).toBe(false);
    expect(verdictOf(downstream)?.mac).not.toBe("AAAA");
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state?.status).toBe("signed-out");
    expect(state?.token).toBe("");
  });

  it("passes no auth headers at all when there is no secret key to sign them", async () => {
    const request = nextRequest("/", {
      headers: { "x-clerk-auth-verdict": verdictHeader({ status: "signed-in" }) },
      cookies: signedInCookies(),
    });
    const { response, seen } = await run(request, undefined, options({ secretKey: undefined }));
    expect(seen?.userId).toBe("user_2abc");
    const downstream = downstreamHeaders(response);
    expect(downstream.has("x-clerk-auth-verdict")).toBe(false);
    expect(downstream.get("cookie")).toContain("__session=");
  });
});

describe("clerkMiddleware: Frontend API forwarding", () => {
  it("rewrites /__clerk/* to CLERK_API_URL + the same path, query kept", async () => {
    let handled = false;
    const request = nextRequest("/__clerk/v1/client/sign_ups?_method=PATCH", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-clerk-auth-verdict": "x" },
      cookies: { __client: "client-cookie" },
      body: "email_address=a%40b.test",
    });
    const { response } = await run(request, () => {
      handled = true;
    });
    expect(handled).toBe(false);
    expect(response.headers.get("x-middleware-rewrite")).toBe(
      `${INSTANCE}/__clerk/v1/client/sign_ups?_method=PATCH`,
    );
    const downstream = downstreamHeaders(response);
    expect(downstream.get("cookie")).toBe("__client=client-cookie");
    expect(downstream.has("x-clerk-auth-verdict")).toBe(false);
  });

  it("reads CLERK_API_URL from the environment at request time", async () => {
    const middleware = clerkMiddleware({ jwtKey: PRIMARY_PUBLIC_PEM });
    vi.stubEnv("CLERK_API_URL", "http://localhost:3001");
    const request = nextRequest("/__clerk/v1/environment");
    const response = await middleware(request, fetchEvent(request));
    expect(response.headers.get("x-middleware-rewrite")).toBe(
      "http://localhost:3001/__clerk/v1/environment",
    );
  });

  it("does not forward paths that merely start with the prefix", async () => {
    const { response } = await run(nextRequest("/__clerkish"));
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("can be turned off", async () => {
    const { response, seen } = await run(
      nextRequest("/__clerk/v1/client"),
      undefined,
      options({ frontendApiProxyPath: false }),
    );
    expect(response.headers.get("x-middleware-rewrite")).toBeNull();
    expect(seen).toBeDefined();
  });
});

describe("clerkMiddleware: session renewal", () => {
  const expiredCookies = (extra: Record<string, string> = {}) => ({
    __session: expiredToken(),
    __client: "client_secret_cookie",
    __client_uat: String(NOW_S - 300),
    ...extra,
  });

  function frontendApi(answer: () => Response) {
    return fakeFetch((call) => {
      if (call.url.startsWith(`${INSTANCE}/__clerk/v1/client/sessions/`)) return answer();
      return new Response("unexpected", { status: 500 });
    });
  }

  it("renews an expired cookie once and hands the fresh token downstream", async () => {
    const fresh = validToken();
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: fresh }));
    const cookies = expiredCookies();
    const { response, seen } = await run(
      nextRequest("/dashboard", { headers: PAGE, cookies }),
      async (auth, req) => {
        await auth.protect();
        expect(req.cookies.get("__session")?.value).toBe(fresh);
      },
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(1);
    const [call] = fapi.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url).toBe(`${INSTANCE}/__clerk/v1/client/sessions/sess_2abc/tokens`);
    expect(call?.headers.get("cookie")).toBe("__client=client_secret_cookie");
    expect(call?.headers.get("origin")).toBe(APP);

    expect(seen?.userId).toBe("user_2abc");
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const setCookies = response.headers.getSetCookie();
    expect(setCookies).toContainEqual(expect.stringMatching(new RegExp(`^__session=${fresh};`)));
    expect(setCookies.some((c) => c.startsWith("__client_uat="))).toBe(false);
    const downstream = downstreamHeaders(response);
    expect(downstream.get("cookie")).toContain(`__session=${fresh}`);
    expect(downstream.get("cookie")).toContain("__client=client_secret_cookie");
    expect(downstream.get("cookie")).not.toContain(cookies.__session);
    expect(verdictOf(downstream)?.source).toBe("cookie");
    const state = await readSignedAuthState((n) => downstream.get(n) ?? undefined, SECRET_KEY);
    expect(state).toMatchObject({ status: "signed-in", source: "cookie", token: fresh });
  });

  it("renews non-document requests too (no redirect is involved)", async () => {
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: validToken() }));
    const { seen } = await run(
      nextRequest("/api/data", { cookies: expiredCookies() }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(1);
    expect(seen?.userId).toBe("user_2abc");
  });

  it("treats a gone client as signed out, sets only the loop counter, and does not retry", async () => {
    const fapi = frontendApi(() => Response.json({ errors: [] }, { status: 401 }));
    const { response, seen } = await run(
      nextRequest("/dashboard", { headers: PAGE, cookies: expiredCookies() }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(1);
    expect(seen?.userId).toBeNull();
    const setCookies = response.headers.getSetCookie();
    expect(setCookies).toEqual([expect.stringMatching(/^__latchkey_renewals=1;.*HttpOnly/)]);
  });

  it("stops renewing once the loop guard counter reaches 3", async () => {
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: validToken() }));
    const { seen } = await run(
      nextRequest("/dashboard", {
        headers: PAGE,
        cookies: expiredCookies({ __latchkey_renewals: "3" }),
      }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(0);
    expect(seen?.userId).toBeNull();
  });

  it("counts attempts across requests: 1, 2, 3, then stops", async () => {
    const fapi = frontendApi(() => new Response("down", { status: 503 }));
    let counter: string | undefined;
    for (let i = 1; i <= 4; i++) {
      const cookies = expiredCookies(counter ? { __latchkey_renewals: counter } : {});
      const { response } = await run(
        nextRequest("/dashboard", { headers: PAGE, cookies }),
        undefined,
        options({ fetch: fapi.fetch }),
      );
      const set = response.headers.getSetCookie().find((c) => c.startsWith("__latchkey_renewals="));
      counter = set ? /^__latchkey_renewals=(\d+)/.exec(set)?.[1] : counter;
    }
    expect(fapi.calls).toHaveLength(3);
    expect(counter).toBe("3");
  });

  it("refuses a renewed token that does not verify here", async () => {
    const bogus = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: bogus }));
    const { response, seen } = await run(
      nextRequest("/dashboard", { headers: PAGE, cookies: expiredCookies() }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(seen?.userId).toBeNull();
    const setCookies = response.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("__session="))).toBe(false);
    expect(downstreamHeaders(response).get("cookie")).not.toContain(bogus);
  });

  it("never renews an expired token whose signature does not verify", async () => {
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: validToken() }));
    const forged = signToken(
      sessionClaims({ iat: NOW_S - 200, nbf: NOW_S - 210, exp: NOW_S - 60 }),
      { privateKey: OTHER_PRIVATE_PEM },
    );
    const { seen } = await run(
      nextRequest("/dashboard", { headers: PAGE, cookies: expiredCookies({ __session: forged }) }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(0);
    expect(seen?.userId).toBeNull();
  });

  it("does not renew without the __client cookie", async () => {
    const fapi = frontendApi(() => Response.json({ object: "token", jwt: validToken() }));
    const cookies: Record<string, string> = expiredCookies();
    delete cookies.__client;
    await run(
      nextRequest("/", { headers: PAGE, cookies }),
      undefined,
      options({ fetch: fapi.fetch }),
    );
    expect(fapi.calls).toHaveLength(0);
  });

  it("clears the loop counter once a request is signed in again", async () => {
    const { response } = await run(
      nextRequest("/", { cookies: { ...signedInCookies(), __latchkey_renewals: "2" } }),
    );
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__latchkey_renewals=0;.*Max-Age=0/),
    ]);
  });
});

describe("clerkMiddleware: configuration", () => {
  it("reads nothing at import or construction time, and names the missing variable at request time", async () => {
    const middleware = clerkMiddleware();
    const request = nextRequest("/");
    const error = await Promise.resolve(middleware(request, fetchEvent(request))).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(LatchkeyNextjsError);
    expect(error).toMatchObject({ code: "config-missing", variable: "CLERK_SECRET_KEY" });
    expect((error as Error).message).toContain("CLERK_SECRET_KEY");
  });

  it("names a malformed secret key, without echoing it", async () => {
    vi.stubEnv("CLERK_SECRET_KEY", "pk_wrong_kind_of_key_12345");
    const middleware = clerkMiddleware();
    const request = nextRequest("/");
    const error = await Promise.resolve(middleware(request, fetchEvent(request))).catch(
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ code: "config-invalid", variable: "CLERK_SECRET_KEY" });
    expect((error as Error).message).not.toContain("pk_wrong_kind_of_key_12345");
  });

  it("names an undecodable publishable key", async () => {
    const middleware = clerkMiddleware(options({ publishableKey: "pk_test_%%%notbase64" }));
    const request = nextRequest("/");
    await expect(middleware(request, fetchEvent(request))).rejects.toMatchObject({
      code: "config-invalid",
      variable: "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
    });
  });

  it("lets options override the environment", async () => {
    vi.stubEnv("CLERK_SECRET_KEY", "not-a-key");
    const { seen } = await run(nextRequest("/", { cookies: signedInCookies() }));
    expect(seen?.userId).toBe("user_2abc");
  });

  it("accepts options computed from the request", async () => {
    const middleware = clerkMiddleware(
      async (auth) => {
        await auth.protect();
      },
      (req) =>
        options({ signInUrl: req.nextUrl.pathname.startsWith("/fr") ? "/fr/login" : "/login" }),
    );
    const request = nextRequest("/fr/page", { headers: PAGE });
    const response = await middleware(request, fetchEvent(request));
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/fr/login");
  });
});

describe("clerkMiddleware: debug", () => {
  it("logs decisions without tokens, cookies or keys", async () => {
    const lines: string[] = [];
    const fresh = validToken();
    const fapi = fakeFetch(() => Response.json({ object: "token", jwt: fresh }));
    const expired = expiredToken();
    await run(
      nextRequest("/dashboard", {
        headers: PAGE,
        cookies: { __session: expired, __client: "client_secret_cookie", __client_uat: "1" },
      }),
      async (auth) => {
        await auth.protect({ role: "org:admin" });
      },
      options({
        fetch: fapi.fetch,
        debug: true,
        logger: (message, details) => lines.push(`${message} ${JSON.stringify(details)}`),
      }),
    );
    const log = lines.join("\n");
    expect(log).toContain("renewed");
    expect(log).toContain("protect");
    for (const secret of [fresh, expired, "client_secret_cookie", SECRET_KEY]) {
      expect(log).not.toContain(secret);
    }
  });

  it("is silent unless debug is on", async () => {
    const lines: string[] = [];
    await run(nextRequest("/"), undefined, options({ logger: (m) => lines.push(m) }));
    expect(lines).toEqual([]);
  });
});

describe("createRouteMatcher with the middleware", () => {
  it("protects only matching routes", async () => {
    const isProtected = createRouteMatcher(["/dashboard(.*)"]);
    const handler: ClerkMiddlewareHandler = async (auth, req) => {
      if (isProtected(req)) await auth.protect();
    };
    const open = await run(nextRequest("/about", { headers: PAGE }), handler);
    expect(open.response.headers.get("x-middleware-next")).toBe("1");
    const closed = await run(nextRequest("/dashboard/settings", { headers: PAGE }), handler);
    expect(closed.response.status).toBe(307);
  });
});
