/**
 * `authenticateRequestFromCache` against `authenticateRequest`: whatever the request, the clock
 * or the caller's checks, the synchronous path either does not settle or settles with the state
 * the asynchronous path answers. It never reports a signed-in state the asynchronous path would
 * not: a token it has not seen verify (tampered, signed by another key, of an unknown kid) is never
 * settled, and a cached one is checked again (expiry, azp, `__client_uat`) on every call.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../test/property-params.js";
import {
  jwksBackedOptions,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import {
  type AuthenticateRequestOptions,
  authenticateRequest,
  authenticateRequestFromCache,
} from "./authenticate-request.js";
import type { RequestState } from "./request-state.js";

const APP = "https://app.example.test";
const OPTIONS: AuthenticateRequestOptions = {
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  authorizedParties: [APP],
};

/** A token no earlier test has verified (the verified-token cache is per key, process-wide). */
function freshToken(claims: Record<string, unknown> = {}, privateKey?: string, kid?: string) {
  return signToken(sessionClaims({ sid: `sess_${randomUUID()}`, ...claims }), { privateKey, kid });
}

function cookieRequest(token: string, clientUat = NOW_S - 60, document = false): Request {
  const headers: Record<string, string> = {
    cookie: `__client_uat=${clientUat}; __session=${token}`,
  };
  if (document) {
    headers.accept = "text/html";
    headers["sec-fetch-dest"] = "document";
  }
  return new Request(`${APP}/page`, { headers });
}

function bearerRequest(token: string): Request {
  return new Request(`${APP}/api`, { headers: { authorization: `Bearer ${token}` } });
}

/** What a caller can read off a state. */
function summary(state: RequestState) {
  const auth = state.toAuth();
  return {
    status: state.status,
    reason: state.reason,
    token: state.token,
    userId: auth.userId,
    sessionId: auth.sessionId,
  };
}

/** Both paths on one request: the synchronous one before and after the asynchronous one. */
async function bothPaths(request: Request, options: AuthenticateRequestOptions) {
  const before = authenticateRequestFromCache(request, options);
  const state = await authenticateRequest(request, options);
  const after = authenticateRequestFromCache(request, options);
  return { before, state, after };
}

function expectAgrees(
  cached: ReturnType<typeof authenticateRequestFromCache>,
  state: RequestState,
): void {
  if (cached.settled) expect(summary(cached.state)).toEqual(summary(state));
}

describe("authenticateRequestFromCache", () => {
  it("does not settle a token it has not seen verify, and settles it as verified afterwards", async () => {
    const token = freshToken();
    const { before, state, after } = await bothPaths(cookieRequest(token), OPTIONS);
    expect(before).toEqual({ settled: false });
    expect(state.status).toBe("signed-in");
    expect(after.settled).toBe(true);
    expectAgrees(after, state);
  });

  it("settles requests without a token exactly as authenticateRequest does", async () => {
    for (const request of [
      new Request(`${APP}/page`),
      new Request(`${APP}/page`, { headers: { cookie: `__client_uat=${NOW_S}` } }),
      new Request(`${APP}/page`, {
        headers: {
          cookie: `__client_uat=${NOW_S}`,
          accept: "text/html",
          "sec-fetch-dest": "document",
        },
      }),
      new Request(`${APP}/page`, { headers: { cookie: `__session=${freshToken()}` } }),
    ]) {
      const { before, state } = await bothPaths(request, OPTIONS);
      expect(before.settled).toBe(true);
      expectAgrees(before, state);
      expect(state.status).not.toBe("signed-in");
    }
  });

  // Each row verifies a token once (filling the cache when it verifies), then asks both paths
  // again under the row's options: the synchronous answer must be the asynchronous one.
  const rows: {
    name: string;
    token: () => string;
    request?: (token: string) => Request;
    options?: AuthenticateRequestOptions;
    settles: boolean;
    status: RequestState["status"];
    reason: string | null;
  }[] = [
    {
      name: "a cached token, later expired",
      token: () => freshToken(),
      options: { ...OPTIONS, now: () => NOW_MS + 3_600_000 },
      settles: true,
      status: "signed-out",
      reason: "session-token-expired",
    },
    {
      name: "a cached token, later expired, on a page load",
      token: () => freshToken(),
      request: (token) => cookieRequest(token, NOW_S - 60, true),
      options: { ...OPTIONS, now: () => NOW_MS + 3_600_000 },
      settles: true,
      status: "needs-renewal",
      reason: "session-token-expired",
    },
    {
      name: "a cached Bearer token, later expired",
      token: () => freshToken(),
      request: bearerRequest,
      options: { ...OPTIONS, now: () => NOW_MS + 3_600_000 },
      settles: true,
      status: "signed-out",
      reason: "token-expired",
    },
    {
      name: "a cached token under other authorized parties (wrong azp)",
      token: () => freshToken(),
      options: { ...OPTIONS, authorizedParties: ["https://other.example.test"] },
      settles: true,
      status: "signed-out",
      reason: "token-invalid-authorized-parties",
    },
    {
      name: "a cached token older than a newer __client_uat",
      token: () => freshToken(),
      request: (token) => cookieRequest(token, NOW_S + 1),
      settles: true,
      status: "signed-out",
      reason: "session-token-iat-before-client-uat",
    },
    {
      name: "a tampered signature",
      token: () => {
        const token = freshToken();
        return `${token.slice(0, -6)}${token.endsWith("AAAAAA") ? "BBBBBA" : "AAAAAA"}`;
      },
      settles: false,
      status: "signed-out",
      reason: "token-invalid-signature",
    },
    {
      name: "a token signed by another key",
      token: () => freshToken({}, OTHER_PRIVATE_PEM),
      settles: false,
      status: "signed-out",
      reason: "token-invalid-signature",
    },
    {
      name: "a token whose payload was swapped for a cached token's",
      token: () => {
        const [header, , signature] = freshToken().split(".");
        const [, payload] = freshToken({ sub: "user_2other" }).split(".");
        return `${header}.${payload}.${signature}`;
      },
      settles: false,
      status: "signed-out",
      reason: "token-invalid-signature",
    },
  ];

  for (const row of rows) {
    it(`agrees with authenticateRequest: ${row.name}`, async () => {
      const token = row.token();
      const request = row.request ?? cookieRequest;
      await authenticateRequest(request(token), OPTIONS);
      const options = row.options ?? OPTIONS;
      const cached = authenticateRequestFromCache(request(token), options);
      const state = await authenticateRequest(request(token), options);
      expect(cached.settled).toBe(row.settles);
      expectAgrees(cached, state);
      expect({ status: state.status, reason: state.reason }).toEqual({
        status: row.status,
        reason: row.reason,
      });
    });
  }

  it("never settles a token of a kid the instance's JWKS does not list", async () => {
    const { options } = jwksBackedOptions("sk_test_from_cache");
    const token = freshToken({}, undefined, "ins_revoked");
    const { before, state, after } = await bothPaths(cookieRequest(token), {
      ...options,
      authorizedParties: [APP],
    });
    expect(before).toEqual({ settled: false });
    expect(after).toEqual({ settled: false });
    expect(state.status).toBe("signed-out");
    expect(state.reason).toBe("jwk-kid-mismatch");
  });

  it("throws on bad configuration, where authenticateRequest rejects", async () => {
    const request = cookieRequest(freshToken());
    expect(() => authenticateRequestFromCache(request, {})).toThrow(
      expect.objectContaining({ code: "jwk-failed-to-resolve" }),
    );
    await expect(authenticateRequest(request, {})).rejects.toMatchObject({
      code: "jwk-failed-to-resolve",
    });
  });

  it("property: settles only with the state authenticateRequest answers, under any clock and checks", async () => {
    const party = fc.constantFrom(APP, "https://other.example.test");
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          exp: fc.integer({ min: -120, max: 120 }),
          nbf: fc.integer({ min: -60, max: 60 }),
          iat: fc.integer({ min: -60, max: 60 }),
          azp: party,
          clientUat: fc.oneof(fc.constant(0), fc.integer({ min: -120, max: 60 })),
          bearer: fc.boolean(),
          document: fc.boolean(),
          tamper: fc.constantFrom("none", "signature", "key"),
          laterMs: fc.integer({ min: -120_000, max: 240_000 }),
          laterParty: party,
        }),
        async (input) => {
          let token = freshToken(
            {
              exp: NOW_S + input.exp,
              nbf: NOW_S + input.nbf,
              iat: NOW_S + input.iat,
              azp: input.azp,
            },
            input.tamper === "key" ? OTHER_PRIVATE_PEM : undefined,
          );
          if (input.tamper === "signature")
            token = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBA" : "AAAA"}`;
          const request = () =>
            input.bearer
              ? bearerRequest(token)
              : cookieRequest(
                  token,
                  input.clientUat === 0 ? 0 : NOW_S + input.clientUat,
                  input.document,
                );
          const first = await bothPaths(request(), OPTIONS);
          expectAgrees(first.before, first.state);
          expectAgrees(first.after, first.state);
          const later: AuthenticateRequestOptions = {
            ...OPTIONS,
            now: () => NOW_MS + input.laterMs,
            authorizedParties: [input.laterParty],
          };
          const second = await bothPaths(request(), later);
          expectAgrees(second.before, second.state);
          expectAgrees(second.after, second.state);
          // A token that never verified is never settled with a token in hand.
          if (input.tamper !== "none") {
            for (const cached of [first.before, first.after, second.before, second.after]) {
              if (cached.settled) expect(cached.state.status).not.toBe("signed-in");
            }
          }
        },
      ),
      propertyParams({ numRuns: 60 }),
    );
  });
});
