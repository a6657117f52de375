import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
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
import { type AuthenticateRequestOptions, authenticateRequest } from "./authenticate-request.js";

const options = (extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  ...extra,
});

const PAGE = { "sec-fetch-dest": "document", accept: "text/html" };
const API = { "sec-fetch-dest": "empty", accept: "application/json" };

function request(headers: Record<string, string>, method = "GET"): Request {
  return new Request("https://app.example.test/dashboard", { method, headers });
}

const valid = () => signToken(sessionClaims());
const expired = () => signToken(sessionClaims({ iat: NOW_S - 120, exp: NOW_S - 60 }));
const cookies = (session?: string, uat?: number | string) =>
  [session && `__session=${session}`, uat !== undefined && `__client_uat=${uat}`]
    .filter(Boolean)
    .join("; ");

describe("authenticateRequest: where the token comes from", () => {
  it("signs in with a Bearer token", async () => {
    const state = await authenticateRequest(
      request({ authorization: `Bearer ${valid()}` }),
      options(),
    );
    expect(state.status).toBe("signed-in");
    expect(state.toAuth()).toMatchObject({ userId: "user_2abc", sessionId: "sess_2abc" });
  });

  it("ignores cookies when a Bearer header is present (both ways)", async () => {
    const withBadCookie = await authenticateRequest(
      request({ authorization: `Bearer ${valid()}`, cookie: cookies("garbage", 1) }),
      options(),
    );
    expect(withBadCookie.status).toBe("signed-in");
    const withGoodCookie = await authenticateRequest(
      request({ authorization: "Bearer garbage", cookie: cookies(valid(), NOW_S - 100) }),
      options(),
    );
    expect(withGoodCookie).toMatchObject({ status: "signed-out", reason: "token-invalid" });
  });

  it("treats a non-Bearer Authorization header as absent", async () => {
    const state = await authenticateRequest(
      request({ authorization: "Basic dXNlcjpwYXNz", cookie: cookies(valid(), NOW_S - 100) }),
      options(),
    );
    expect(state.status).toBe("signed-in");
  });

  it("never renews a Bearer request, even a page load: signed out with the token's reason", async () => {
    const state = await authenticateRequest(
      request({ ...PAGE, authorization: `Bearer ${expired()}` }),
      options(),
    );
    expect(state).toMatchObject({ status: "signed-out", reason: "token-expired" });
  });

  it("signs in with the __session cookie and a __client_uat not newer than the token", async () => {
    const state = await authenticateRequest(
      request({ ...PAGE, cookie: cookies(valid(), NOW_S - 5) }),
      options(),
    );
    expect(state.status).toBe("signed-in");
    expect(state.token).toBe(state.isSignedIn ? state.token : null);
  });

  it("reads __session exactly: a suffixed or similar cookie is not the session", async () => {
    const state = await authenticateRequest(
      request({ cookie: `x__session=${valid()}; __session_abc=${valid()}; a=b` }),
      options(),
    );
    expect(state).toMatchObject({ status: "signed-out", reason: "session-token-and-uat-missing" });
  });
});

describe("authenticateRequest: COMPAT request-authentication cases", () => {
  it("no token and no client → signed-out, session-token-and-uat-missing", async () => {
    for (const headers of [PAGE, API, { cookie: "__client_uat=0" }]) {
      const state = await authenticateRequest(request(headers), options());
      expect(state).toMatchObject({
        status: "signed-out",
        reason: "session-token-and-uat-missing",
      });
    }
  });

  it("a client but no session token → needs-renewal for pages, signed-out for the rest", async () => {
    const page = await authenticateRequest(
      request({ ...PAGE, cookie: cookies(undefined, NOW_S) }),
      options(),
    );
    expect(page).toMatchObject({
      status: "needs-renewal",
      reason: "client-uat-but-no-session-token",
    });
    const api = await authenticateRequest(
      request({ ...API, cookie: cookies(undefined, NOW_S) }),
      options(),
    );
    expect(api).toMatchObject({ status: "signed-out", reason: "client-uat-but-no-session-token" });
  });

  it("an expired cookie token → needs-renewal for pages, signed-out for API and POST", async () => {
    const cookie = cookies(expired(), NOW_S - 200);
    expect(await authenticateRequest(request({ ...PAGE, cookie }), options())).toMatchObject({
      status: "needs-renewal",
      reason: "session-token-expired",
    });
    expect(await authenticateRequest(request({ ...API, cookie }), options())).toMatchObject({
      status: "signed-out",
      reason: "session-token-expired",
    });
    expect(
      await authenticateRequest(request({ ...PAGE, cookie }, "POST"), options()),
    ).toMatchObject({ status: "signed-out", reason: "session-token-expired" });
  });

  it("recognises page loads by Accept when Sec-Fetch-Dest is absent", async () => {
    const cookie = cookies(expired(), NOW_S - 200);
    const html = await authenticateRequest(request({ accept: "text/html", cookie }), options());
    expect(html.status).toBe("needs-renewal");
    const json = await authenticateRequest(request({ accept: "*/*", cookie }), options());
    expect(json.status).toBe("signed-out");
  });

  it("a token issued before __client_uat is stale → needs-renewal / signed-out", async () => {
    const cookie = cookies(valid(), NOW_S + 1);
    expect(await authenticateRequest(request({ ...PAGE, cookie }), options())).toMatchObject({
      status: "needs-renewal",
      reason: "session-token-iat-before-client-uat",
    });
    expect(await authenticateRequest(request({ ...API, cookie }), options())).toMatchObject({
      status: "signed-out",
      reason: "session-token-iat-before-client-uat",
    });
  });

  it("__client_uat=0 (signed out elsewhere) invalidates a leftover session cookie", async () => {
    for (const uat of [0, "garbage"]) {
      const state = await authenticateRequest(
        request({ ...PAGE, cookie: cookies(valid(), uat) }),
        options(),
      );
      expect(state).toMatchObject({
        status: "signed-out",
        reason: "session-token-without-client-uat",
      });
    }
  });

  it("a forged or foreign cookie token is signed out (no renewal), with the token's reason", async () => {
    const foreign = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    const state = await authenticateRequest(
      request({ ...PAGE, cookie: cookies(foreign, NOW_S - 100) }),
      options(),
    );
    expect(state).toMatchObject({ status: "signed-out", reason: "token-invalid-signature" });
    expect(state.toAuth().userId).toBeNull();
  });

  it("authorizedParties: a token for another origin is signed out", async () => {
    const state = await authenticateRequest(
      request({
        authorization: `Bearer ${signToken(sessionClaims({ azp: "https://evil.test" }))}`,
      }),
      options({ authorizedParties: ["https://app.example.test"] }),
    );
    expect(state).toMatchObject({
      status: "signed-out",
      reason: "token-invalid-authorized-parties",
    });
  });

  it("fails loudly on missing configuration instead of signing anyone in or out", async () => {
    await expect(authenticateRequest(request({}), {})).rejects.toMatchObject({
      code: "jwk-failed-to-resolve",
    });
  });
});

describe("authenticateRequest: the same answer for the same request, call after call", () => {
  const cases: [string, Record<string, string>, { status: string; reason: string | null }][] = [
    [
      "a valid cookie",
      { ...PAGE, cookie: cookies(valid(), NOW_S - 5) },
      { status: "signed-in", reason: null },
    ],
    [
      "a valid Bearer token",
      { authorization: `Bearer ${valid()}` },
      { status: "signed-in", reason: null },
    ],
    [
      "an expired cookie on a page load",
      { ...PAGE, cookie: cookies(expired(), NOW_S - 500) },
      { status: "needs-renewal", reason: "session-token-expired" },
    ],
    [
      "a forged token",
      { authorization: `Bearer ${valid().slice(0, -6)}AAAAAA` },
      { status: "signed-out", reason: "token-invalid-signature" },
    ],
    [
      "no credentials at all",
      {},
      { status: "signed-out", reason: "session-token-and-uat-missing" },
    ],
  ];
  for (const [what, headers, expected] of cases) {
    it(`answers ${what} with a known key: ${expected.status}, and the same again`, async () => {
      const state = await authenticateRequest(request(headers), options());
      expect({ status: state.status, reason: state.reason }).toEqual(expected);
      expect(state.toAuth().userId).toBe(expected.status === "signed-in" ? "user_2abc" : null);
      const awaited = await authenticateRequest(request(headers), options());
      expect(state).toMatchObject({
        status: awaited.status,
        reason: awaited.reason,
        token: awaited.token,
      });
      // Same data (functions such as has() are made per object).
      expect(JSON.stringify(state.toAuth())).toBe(JSON.stringify(awaited.toAuth()));
    });
  }

  it("fetches the instance's JWKS once: later tokens verify with the known key", async () => {
    const { fetch, options: remote } = jwksBackedOptions("sk_test_eager");
    const signedIn = () => request({ authorization: `Bearer ${valid()}` });
    await expect(authenticateRequest(signedIn(), remote)).resolves.toMatchObject({
      status: "signed-in",
    });
    await expect(authenticateRequest(signedIn(), remote)).resolves.toMatchObject({
      status: "signed-in",
    });
    const otherToken = signToken(sessionClaims({ jti: "another" }));
    await expect(
      authenticateRequest(request({ authorization: `Bearer ${otherToken}` }), remote),
    ).resolves.toMatchObject({ status: "signed-in" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("rejects missing configuration with a coded error", async () => {
    await expect(authenticateRequest(request({}), {})).rejects.toMatchObject({
      code: "jwk-failed-to-resolve",
    });
  });
});

describe("toAuth()", () => {
  const bearer = (claims: Record<string, unknown>) =>
    request({ authorization: `Bearer ${signToken(sessionClaims(claims))}` });

  it("reads v2 organization claims, permissions included, and answers has()", async () => {
    const state = await authenticateRequest(
      bearer({
        o: { id: "org_1", rol: "admin", slg: "acme", per: "read,manage", fpm: "3,2" },
        fea: "o:reports,u:beta,o:billing",
      }),
      options(),
    );
    const auth = state.toAuth();
    expect(auth).toMatchObject({
      orgId: "org_1",
      orgRole: "org:admin",
      orgSlug: "acme",
      orgPermissions: ["org:reports:read", "org:reports:manage", "org:billing:read"],
      factorVerificationAge: [1, -1],
      sessionStatus: "active",
    });
    expect(auth.has({ role: "org:admin" })).toBe(true);
    expect(auth.has({ role: "admin" })).toBe(true);
    expect(auth.has({ role: "org:member" })).toBe(false);
    expect(auth.has({ permission: "org:billing:read" })).toBe(true);
    expect(auth.has({ permission: "org:billing:manage" })).toBe(false);
    expect(auth.has({})).toBe(false);
  });

  it("reads v1 organization claims", async () => {
    const state = await authenticateRequest(
      bearer({
        v: undefined,
        org_id: "org_1",
        org_role: "org:member",
        org_slug: "acme",
        org_permissions: ["org:sys_profile:read"],
      }),
      options(),
    );
    expect(state.toAuth()).toMatchObject({
      orgId: "org_1",
      orgRole: "org:member",
      orgSlug: "acme",
      orgPermissions: ["org:sys_profile:read"],
    });
  });

  it("has() is false without an active organization, and for signed-out requests", async () => {
    const signedIn = (await authenticateRequest(bearer({}), options())).toAuth();
    expect(signedIn.orgId).toBeUndefined();
    expect(signedIn.has({ role: "org:admin" })).toBe(false);
    const signedOut = (await authenticateRequest(request({}), options())).toAuth();
    expect(signedOut.has({ role: "org:admin" })).toBe(false);
    expect(await signedOut.getToken()).toBeNull();
  });

  it("getToken() gives the session token; with a template it asks the Backend API", async () => {
    const token = valid();
    const templateTokenFetcher = vi.fn(async () => "template.jwt.value");
    const state = await authenticateRequest(
      request({ authorization: `Bearer ${token}` }),
      options({ templateTokenFetcher }),
    );
    const auth = state.toAuth();
    expect(await auth.getToken()).toBe(token);
    expect(await auth.getToken({ template: "demo-backend" })).toBe("template.jwt.value");
    expect(templateTokenFetcher).toHaveBeenCalledWith("sess_2abc", "demo-backend", undefined);
  });
});

describe("authenticateRequest: arbitrary headers (property)", () => {
  it("never throws and never signs in without a valid token", async () => {
    const opts = options();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        fc.constantFrom("Bearer ", "bearer ", "", "Basic "),
        async (cookieText, authText, scheme) => {
          const headers = new Headers();
          try {
            headers.set("cookie", `__session=${cookieText}; __client_uat=${cookieText.length}`);
            headers.set("authorization", scheme + authText);
          } catch {
            return; // not a valid header value: the runtime refuses it before we see it
          }
          const state = await authenticateRequest(
            new Request("https://app.example.test/", { headers }),
            opts,
          );
          expect(state.status).not.toBe("signed-in");
          expect(typeof state.reason).toBe("string");
        },
      ),
      propertyParams({ numRuns: 300 }),
    );
  });
});

describe("authenticateRequest: options made afresh on every call", () => {
  it("checks each call's authorizedParties, even for a token verified (and cached) under others", async () => {
    const token = signToken(sessionClaims({ jti: "per-call-parties" }));
    const bearer = () => request({ authorization: `Bearer ${token}` });
    const app = "https://app.example.test";
    const accepted = await authenticateRequest(bearer(), options({ authorizedParties: [app] }));
    expect(accepted.status).toBe("signed-in");
    const refused = await authenticateRequest(
      bearer(),
      options({ authorizedParties: ["https://other.example.test"] }),
    );
    expect(refused).toMatchObject({
      status: "signed-out",
      reason: "token-invalid-authorized-parties",
    });
    // …and the refusal did not spoil the token for the callers it is meant for.
    const again = await authenticateRequest(bearer(), options({ authorizedParties: [app] }));
    expect(again.status).toBe("signed-in");
  });

  it("checks each call's audience and clock skew on the same cached token", async () => {
    const token = signToken(sessionClaims({ jti: "per-call-aud", aud: "api" }));
    const bearer = () => request({ authorization: `Bearer ${token}` });
    expect((await authenticateRequest(bearer(), options({ audience: "api" }))).status).toBe(
      "signed-in",
    );
    expect(await authenticateRequest(bearer(), options({ audience: ["other"] }))).toMatchObject({
      status: "signed-out",
      reason: "token-verification-failed",
    });
    const late = () => NOW_MS + 3_600_000;
    expect(await authenticateRequest(bearer(), options({ now: late }))).toMatchObject({
      reason: "token-expired",
    });
  });
});

describe("authenticateRequest: a key that cannot be imported", () => {
  it("rejects with jwk-local-missing (bad configuration is loud, never a signed-out state)", async () => {
    const notAnRsaKey = "-----BEGIN PUBLIC KEY-----\nAAAAAAAA\n-----END PUBLIC KEY-----";
    for (const jwtKey of [notAnRsaKey, "nonsense"]) {
      const outcome = authenticateRequest(
        request({ authorization: `Bearer ${valid()}` }),
        options({ jwtKey }),
      );
      await expect(outcome).rejects.toMatchObject({ code: "jwk-local-missing" });
    }
  });
});

describe("authenticateRequest: a cookie name sent twice", () => {
  it("reads the first __session and the first __client_uat (the `cookie` package's rule)", async () => {
    const first = await authenticateRequest(
      request({
        ...PAGE,
        cookie: `__session=${valid()}; __client_uat=${NOW_S - 100}; __session=garbage; __client_uat=0`,
      }),
      options(),
    );
    expect(first.status).toBe("signed-in");
    const garbageFirst = await authenticateRequest(
      request({
        ...API,
        cookie: `__session=garbage; __client_uat=${NOW_S - 100}; __session=${valid()}`,
      }),
      options(),
    );
    expect(garbageFirst).toMatchObject({ status: "signed-out", reason: "token-invalid" });
  });
});
