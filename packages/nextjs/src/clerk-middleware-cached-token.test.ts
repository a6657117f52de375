/**
 * The middleware's synchronous path for a token verified before: it answers exactly as the
 * asynchronous path answers a token it verifies for the first time, and a cached token gets no
 * more than a fresh one (expired, wrong azp, older than `__client_uat`, tampered: never signed in).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixtureOptions, isolateLatchkeyEnv, noNetwork } from "../test/server-test-fixtures.js";
import { type ClerkMiddlewareOptions, clerkMiddleware } from "./clerk-middleware.js";
import {
  downstreamHeaders,
  fetchEvent,
  NOW_MS,
  NOW_S,
  nextRequest,
  PAGE,
  sessionClaims,
  signToken,
  verdictOf,
} from "./internal/testing.test-helpers.js";

isolateLatchkeyEnv();
const unreachable = noNetwork();

function options(overrides: ClerkMiddlewareOptions = {}): ClerkMiddlewareOptions {
  return { ...fixtureOptions(), fetch: unreachable.fetch, ...overrides };
}

/** A token no other request has brought yet (the verified-token cache is process-wide). */
function freshToken(): string {
  return signToken(sessionClaims({ sid: `sess_${randomUUID()}` }));
}

/** What a request's answer says: status, redirect, the verdict (its MAC aside) and the user. */
async function answer(
  token: string,
  middlewareOptions: ClerkMiddlewareOptions,
  init: { clientUat?: number; page?: boolean; protect?: boolean } = {},
) {
  let userId: string | null | undefined;
  const middleware = clerkMiddleware(async (auth) => {
    userId = auth().userId;
    if (init.protect) await auth.protect();
  }, middlewareOptions);
  const request = nextRequest("/dashboard", {
    headers: init.page ? PAGE : {},
    cookies: { __session: token, __client_uat: String(init.clientUat ?? NOW_S - 100) },
  });
  const response = await middleware(request, fetchEvent(request));
  const verdict = verdictOf(downstreamHeaders(response));
  return {
    status: response.status,
    location: response.headers.get("location"),
    overrides: response.headers.get("x-middleware-override-headers"),
    verdict: verdict && { status: verdict.status, source: verdict.source, reason: verdict.reason },
    userId,
  };
}

describe("clerkMiddleware: a token verified before", () => {
  it("is answered exactly as on its first request, MAC included", async () => {
    const token = freshToken();
    const render = async () => {
      const request = nextRequest("/dashboard", {
        cookies: { __session: token, __client_uat: String(NOW_S - 100) },
      });
      const response = await clerkMiddleware(options())(request, fetchEvent(request));
      return { status: response.status, headers: [...response.headers] };
    };
    const first = await render();
    const second = await render();
    expect(second).toEqual(first);
    expect(first.headers).toContainEqual([
      "x-middleware-request-x-clerk-auth-verdict",
      expect.stringMatching(/^signed-in;cookie;;/),
    ]);
  });

  const later = { now: () => NOW_MS + 3_600_000 };
  const rows: {
    name: string;
    options: ClerkMiddlewareOptions;
    init?: { clientUat?: number; page?: boolean; protect?: boolean };
    tamper?: boolean;
    reason: string;
  }[] = [
    { name: "expired since", options: later, reason: "session-token-expired" },
    {
      name: "expired since, on a protected page load",
      options: later,
      init: { page: true, protect: true },
      reason: "session-token-expired",
    },
    {
      name: "under other authorized parties",
      options: { authorizedParties: ["https://other.example.test"] },
      init: { protect: true },
      reason: "token-invalid-authorized-parties",
    },
    {
      name: "older than a newer __client_uat",
      options: {},
      init: { clientUat: NOW_S + 1 },
      reason: "session-token-iat-before-client-uat",
    },
    {
      name: "with its signature tampered with",
      options: {},
      init: { protect: true },
      tamper: true,
      reason: "token-invalid-signature",
    },
  ];

  for (const row of rows) {
    it(`gets what a never-seen token gets when ${row.name}`, async () => {
      const tampered = (token: string) =>
        row.tamper
          ? `${token.slice(0, -6)}${token.endsWith("AAAAAA") ? "BBBBBA" : "AAAAAA"}`
          : token;
      // Verified (and cached) under the ordinary options first.
      const cached = freshToken();
      expect((await answer(cached, options())).verdict?.status).toBe("signed-in");
      const seen = await answer(tampered(cached), options(row.options), row.init);
      const unseen = await answer(tampered(freshToken()), options(row.options), row.init);
      expect(seen).toEqual(unseen);
      expect(seen.userId).toBeNull();
      if (seen.verdict)
        expect(seen.verdict).toMatchObject({ status: "signed-out", reason: row.reason });
      else expect(seen.status).not.toBe(200);
    });
  }
});
