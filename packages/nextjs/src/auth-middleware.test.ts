import { NextResponse } from "next/server.js";
import { describe, expect, it } from "vitest";
import {
  fixtureOptions,
  isolateLatchkeyEnv,
  signedInCookies,
} from "../test/server-test-fixtures.js";
import { type AuthMiddlewareOptions, authMiddleware } from "./auth-middleware.js";
import {
  APP,
  downstreamHeaders,
  fetchEvent,
  INSTANCE,
  nextRequest,
  PAGE,
  verdictHeader,
  verdictOf,
} from "./internal/testing.test-helpers.js";

const base: AuthMiddlewareOptions = {
  ...fixtureOptions(),
  publicRoutes: ["/", "/sign-in(.*)"],
};

async function call(options: AuthMiddlewareOptions, request: ReturnType<typeof nextRequest>) {
  return authMiddleware(options)(request, fetchEvent(request));
}

isolateLatchkeyEnv();

describe("authMiddleware (deprecated)", () => {
  it("lets anyone reach public routes", async () => {
    const response = await call(base, nextRequest("/sign-in/sso-callback", { headers: PAGE }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(verdictOf(downstreamHeaders(response))?.status).toBe("signed-out");
    expect(verdictOf(downstreamHeaders(response))?.source).toBe("");
  });

  it("redirects signed-out page requests to sign-in with redirect_url", async () => {
    const response = await call(base, nextRequest("/settings", { headers: PAGE }));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("redirect_url")).toBe(`${APP}/settings`);
  });

  it("answers signed-out API requests with 401 JSON", async () => {
    for (const request of [
      nextRequest("/api/items", { headers: PAGE }),
      nextRequest("/trpc/list"),
      nextRequest("/settings", { headers: { accept: "application/json" } }),
    ]) {
      const response = await call(base, request);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as { errors: { code: string }[] };
      expect(body.errors[0]?.code).toBe("authentication_invalid");
    }
  });

  it("lets signed-in requests through everywhere", async () => {
    for (const path of ["/settings", "/api/items"]) {
      const response = await call(
        base,
        nextRequest(path, { headers: PAGE, cookies: signedInCookies() }),
      );
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
      const downstream = downstreamHeaders(response);
      expect(verdictOf(downstream)?.status).toBe("signed-in");
      expect(verdictOf(downstream)?.source).toBe("cookie");
      expect(downstream.get("cookie")).toContain("__session=");
    }
  });

  it("does not touch ignored routes", async () => {
    const response = await call(
      { ...base, ignoredRoutes: ["/health"] },
      nextRequest("/health", {
        headers: { "x-clerk-auth-verdict": verdictHeader({ status: "signed-in" }) },
      }),
    );
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-override-headers")).toBeNull();
  });

  it("still forwards the Frontend API even if ignoredRoutes would match it", async () => {
    const response = await call(
      { ...base, ignoredRoutes: ["/(.*)"] },
      nextRequest("/__clerk/v1/client"),
    );
    expect(response.headers.get("x-middleware-rewrite")).toBe(`${INSTANCE}/__clerk/v1/client`);
  });

  it("runs afterAuth instead of the default protection", async () => {
    const seen: unknown[] = [];
    const response = await call(
      {
        ...base,
        afterAuth: (auth, req) => {
          seen.push({
            userId: auth.userId,
            isPublicRoute: auth.isPublicRoute,
            isApiRoute: auth.isApiRoute,
          });
          if (!auth.userId && !auth.isPublicRoute)
            return NextResponse.redirect(new URL("/custom", req.url));
        },
      },
      nextRequest("/settings", { headers: PAGE }),
    );
    expect(seen).toEqual([{ userId: null, isPublicRoute: false, isApiRoute: false }]);
    expect(response.headers.get("location")).toBe(`${APP}/custom`);
  });

  it("uses a beforeAuth response as is", async () => {
    const response = await call(
      { ...base, beforeAuth: () => new Response("maintenance", { status: 503 }) },
      nextRequest("/settings", { headers: PAGE }),
    );
    expect(response.status).toBe(503);
  });
});
