import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { fixtureKeysEnv, isolateLatchkeyEnv, liveToken } from "../test/server-test-fixtures.js";
import { ClerkProvider } from "./clerk-provider.js";
import type { ClerkProviderProps as ClientProps } from "./client/clerk-provider.js";

// Next's request scope is the only thing stood in for: `headers()` answers the current request's.
const scope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

describe("server <ClerkProvider>", () => {
  isolateLatchkeyEnv(() => fixtureKeysEnv());

  it("passes the request's verified auth to the client provider as initialState", async () => {
    const token = liveToken({ o: { id: "org_1", rol: "admin", slg: "acme" } });
    scope.headers = new Headers({ cookie: `__session=${token}; __client_uat=1` });
    vi.stubEnv("NEXT_PUBLIC_CLERK_SIGN_IN_URL", "/login");
    const element = (await ClerkProvider({ children: "app" })) as ReactElement<ClientProps>;
    expect(element.props.initialState).toMatchObject({
      userId: "user_2abc",
      sessionId: "sess_2abc",
      orgId: "org_1",
      orgRole: "org:admin",
      orgSlug: "acme",
      sessionClaims: expect.objectContaining({ sub: "user_2abc" }),
    });
    expect(element.props.signInUrl).toBe("/login");
    expect(element.props.signUpUrl).toBe("/sign-up");
    expect(renderToString(element)).toBe("app");
  });

  it("passes a signed-out state for a request without a valid session", async () => {
    scope.headers = new Headers({ cookie: `__session=${liveToken({ exp: 1 })}; __client_uat=1` });
    const element = (await ClerkProvider({ children: null })) as ReactElement<ClientProps>;
    expect(element.props.initialState).toMatchObject({
      userId: null,
      sessionId: null,
      orgId: null,
    });
  });
});
