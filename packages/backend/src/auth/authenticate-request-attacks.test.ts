/**
 * Token attacks through `authenticateRequest`: a forged token in the `Authorization` header or
 * the `__session` cookie never signs a request in, never triggers a renewal that could mask it,
 * and always answers a coded reason.
 */
import { createHmac, createPrivateKey, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  jwksBackedOptions,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  part,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import { type AuthenticateRequestOptions, authenticateRequest } from "./authenticate-request.js";
import type { RequestState } from "./request-state.js";

const APP = "https://app.example.test";
const PAGE = { "sec-fetch-dest": "document", accept: "text/html" };
const API = { "sec-fetch-dest": "empty", accept: "application/json" };
const UAT = String(NOW_S - 100);

const local = (extra: Partial<AuthenticateRequestOptions> = {}): AuthenticateRequestOptions => ({
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  ...extra,
});

const request = (headers: Record<string, string>, method = "GET") =>
  new Request(`${APP}/dashboard`, { method, headers });

const bearer = (token: string, extra: Record<string, string> = {}) =>
  request({ ...API, authorization: `Bearer ${token}`, ...extra });
const cookie = (token: string, extra: Record<string, string> = {}) =>
  request({ ...PAGE, cookie: `__session=${token}; __client_uat=${UAT}`, ...extra });

const unsigned = (alg: string, claims = sessionClaims()) =>
  `${part({ alg, typ: "JWT" })}.${part(claims)}.`;
const hmacSigned = (claims = sessionClaims()) => {
  const input = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${input}.${createHmac("sha256", PRIMARY_PUBLIC_PEM).update(input).digest("base64url")}`;
};
const tampered = () => {
  const [header, , signature] = signToken(sessionClaims()).split(".");
  return `${header}.${part(sessionClaims({ sub: "user_admin" }))}.${signature}`;
};
const stripped = () => `${signToken(sessionClaims()).split(".").slice(0, 2).join(".")}.`;
const foreign = () => signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
const embeddedJwk = () =>
  signToken(sessionClaims(), {
    privateKey: OTHER_PRIVATE_PEM,
    header: { jwk: { kty: "RSA", n: "attacker", e: "AQAB" }, jku: "https://attacker.test/jwks" },
  });

/** Every attack token, with the reason it must be refused with. */
const ATTACKS: Array<[name: string, token: () => string, reason: string]> = [
  ["alg none", () => unsigned("none"), "token-invalid-algorithm"],
  ["alg none with a copied signature", () => `${unsigned("none")}QUJD`, "token-invalid-algorithm"],
  ["HS256 keyed with the public key", hmacSigned, "token-invalid-algorithm"],
  ["a tampered payload", tampered, "token-invalid-signature"],
  ["a stripped signature", stripped, "token-invalid-signature"],
  ["another instance's token", foreign, "token-invalid-signature"],
  ["an attacker key embedded in the header", embeddedJwk, "token-invalid-signature"],
  ["garbage", () => "not.a.token", "token-invalid"],
  ["a JSON array header", () => `${part([])}.${part(sessionClaims())}.AAAA`, "token-invalid"],
];

function expectSignedOut(state: RequestState, reason: string): void {
  expect(state.status).toBe("signed-out");
  expect(state.reason).toBe(reason);
  expect(state.isSignedIn).toBe(false);
  expect(state.token).toBeNull();
  const auth = state.toAuth();
  expect(auth.userId).toBeNull();
  expect(auth.sessionId).toBeNull();
}

describe("authenticateRequest: attack tokens in the Authorization header", () => {
  it.each(ATTACKS)("%s → signed-out (%s)", async (_name, token, reason) => {
    expectSignedOut(await authenticateRequest(bearer(token()), local()), reason);
    // A page load with a Bearer token is never renewed either.
    expectSignedOut(
      await authenticateRequest(request({ ...PAGE, authorization: `Bearer ${token()}` }), local()),
      reason,
    );
  });
});

describe("authenticateRequest: attack tokens in the __session cookie", () => {
  it.each(ATTACKS)(
    "%s → signed-out (%s), not a renewal, even on a page load with a live client",
    async (_name, token, reason) => {
      expectSignedOut(await authenticateRequest(cookie(token()), local()), reason);
      expectSignedOut(
        await authenticateRequest(cookie(token(), { ...API, "sec-fetch-dest": "empty" }), local()),
        reason,
      );
    },
  );

  it("an expired forged token reports its signature, not its expiry (no renewal to mask it)", async () => {
    const expiredForgery = signToken(sessionClaims({ iat: NOW_S - 200, exp: NOW_S - 60 }), {
      privateKey: OTHER_PRIVATE_PEM,
    });
    expectSignedOut(
      await authenticateRequest(cookie(expiredForgery), local()),
      "token-invalid-signature",
    );
  });
});

describe("authenticateRequest: header and cookie tricks", () => {
  it("Bearer wins over a valid cookie: a forged Bearer signs out", async () => {
    const state = await authenticateRequest(
      request({
        ...API,
        authorization: `Bearer ${unsigned("none")}`,
        cookie: `__session=${signToken(sessionClaims())}; __client_uat=${UAT}`,
      }),
      local(),
    );
    expectSignedOut(state, "token-invalid-algorithm");
  });

  it("Bearer wins over a forged cookie: a valid Bearer signs in with its own token", async () => {
    const token = signToken(sessionClaims({ sid: "sess_bearer" }));
    const state = await authenticateRequest(
      request({
        ...API,
        authorization: `Bearer ${token}`,
        cookie: `__session=${unsigned("none")}`,
      }),
      local(),
    );
    expect(state.status).toBe("signed-in");
    expect(state.token).toBe(token);
    expect(state.toAuth().sessionId).toBe("sess_bearer");
  });

  it("two Authorization headers are merged by the platform and refused as one malformed token", async () => {
    const headers = new Headers(API);
    headers.append("authorization", `Bearer ${signToken(sessionClaims())}`);
    headers.append("authorization", `Bearer ${unsigned("none")}`);
    const state = await authenticateRequest(new Request(`${APP}/api`, { headers }), local());
    expectSignedOut(state, "token-invalid");
  });

  it("the first __session cookie is the one verified: a forged one first signs out", async () => {
    const valid = signToken(sessionClaims());
    const forgedFirst = await authenticateRequest(
      request({
        ...API,
        cookie: `__session=${foreign()}; __session=${valid}; __client_uat=${UAT}`,
      }),
      local(),
    );
    expectSignedOut(forgedFirst, "token-invalid-signature");
  });

  it("a cookie named like __session (prefix or suffix) is not the session cookie", async () => {
    const valid = signToken(sessionClaims());
    for (const name of ["x__session", "__session_x", "__Secure-__session_"]) {
      const state = await authenticateRequest(
        request({ ...API, cookie: `${name}=${valid}; __client_uat=${UAT}` }),
        local(),
      );
      expect(state.isSignedIn, name).toBe(false);
      expect(state.reason).toBe("client-uat-but-no-session-token");
    }
  });

  it("a valid cookie token without __client_uat (signed out elsewhere) does not sign in", async () => {
    const state = await authenticateRequest(
      request({ ...PAGE, cookie: `__session=${signToken(sessionClaims())}` }),
      local(),
    );
    expectSignedOut(state, "session-token-without-client-uat");
  });

  it.each(["0", "-1", "abc", "1e12", "99999999999999", ""])(
    "a malformed or zero __client_uat (%j) never signs a cookie token in",
    async (uat) => {
      const state = await authenticateRequest(
        request({
          ...PAGE,
          cookie: `__session=${signToken(sessionClaims())}; __client_uat=${uat}`,
        }),
        local(),
      );
      expect(state.isSignedIn).toBe(false);
    },
  );

  it("a token older than __client_uat (signed in again since) is stale, not signed in", async () => {
    const state = await authenticateRequest(
      request({ ...API, cookie: `__session=${signToken(sessionClaims())}; __client_uat=${NOW_S}` }),
      local(),
    );
    expectSignedOut(state, "session-token-iat-before-client-uat");
  });
});

describe("authenticateRequest: oversized tokens", () => {
  const huge = `${part({ alg: "none" })}.${"A".repeat(1024 * 1024)}.`;

  it("a 1 MB Bearer token is refused (token-invalid) without asking the JWKS", async () => {
    const { fetch, options } = jwksBackedOptions("sk_test_attacks");
    expectSignedOut(await authenticateRequest(bearer(huge), options), "token-invalid");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a 1 MB __session cookie is refused the same way", async () => {
    const { fetch, options } = jwksBackedOptions("sk_test_attacks");
    expectSignedOut(await authenticateRequest(cookie(huge, { ...API }), options), "token-invalid");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("authenticateRequest: authorized parties and other instances", () => {
  const parties = local({ authorizedParties: [APP] });

  it("azp of another origin, and a missing azp, sign out with token-invalid-authorized-parties", async () => {
    for (const azp of ["https://evil.example.test", undefined]) {
      const token = signToken(sessionClaims({ azp }));
      expectSignedOut(
        await authenticateRequest(bearer(token), parties),
        "token-invalid-authorized-parties",
      );
      expectSignedOut(
        await authenticateRequest(cookie(token), parties),
        "token-invalid-authorized-parties",
      );
    }
  });

  it("another instance's token against the JWKS: jwk-kid-mismatch", async () => {
    const { options } = jwksBackedOptions("sk_test_attacks");
    const token = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM, kid: "ins_other" });
    expectSignedOut(await authenticateRequest(bearer(token), options), "jwk-kid-mismatch");
  });

  it("the instance's own token signs in (the attacks above are not refused for another cause)", async () => {
    const input = `${part({ alg: "RS256", typ: "JWT", kid: "ins_primary" })}.${part(sessionClaims())}`;
    const signature = sign("sha256", Buffer.from(input), createPrivateKey(PRIMARY_PRIVATE_PEM));
    const token = `${input}.${signature.toString("base64url")}`;
    expect((await authenticateRequest(bearer(token), parties)).status).toBe("signed-in");
    expect((await authenticateRequest(cookie(token), parties)).status).toBe("signed-in");
    const { options } = jwksBackedOptions("sk_test_attacks");
    expect((await authenticateRequest(bearer(token), options)).status).toBe("signed-in");
  });
});
