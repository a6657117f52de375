import { describe, expect, it, vi } from "vitest";
import {
  jwksOf,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  OTHER_PUBLIC_PEM,
  PRIMARY_PUBLIC_PEM,
  part,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import { TokenVerificationError } from "./token-verification-error.js";
import { verifyToken } from "./verify-token.js";
import type { VerifyTokenOptions } from "./verify-token-options.js";

const local = (extra: Partial<VerifyTokenOptions> = {}): VerifyTokenOptions => ({
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  ...extra,
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenVerificationError);
    return (err as TokenVerificationError).reason;
  }
  throw new Error("expected the token to be refused");
}

describe("verifyToken with jwtKey (networkless)", () => {
  it("returns the claims of a valid token", async () => {
    const claims = await verifyToken(signToken(sessionClaims()), local());
    expect(claims.sub).toBe("user_2abc");
    expect(claims.sid).toBe("sess_2abc");
  });

  it("accepts a PEM written on one line with \\n escapes, as env files hold it", async () => {
    const oneLine = PRIMARY_PUBLIC_PEM.trim().replace(/\n/g, "\\n");
    await expect(
      verifyToken(signToken(sessionClaims()), local({ jwtKey: oneLine })),
    ).resolves.toMatchObject({ sub: "user_2abc" });
  });

  it.each(["RS384", "RS512"])("accepts %s", async (alg) => {
    const token = signToken(sessionClaims(), { header: { alg } });
    await expect(verifyToken(token, local())).resolves.toMatchObject({ sub: "user_2abc" });
  });

  it("token-expired, with the 5 s clock skew honoured", async () => {
    expect(await reasonOf(verifyToken(signToken(sessionClaims({ exp: NOW_S - 6 })), local()))).toBe(
      "token-expired",
    );
    await expect(
      verifyToken(signToken(sessionClaims({ exp: NOW_S - 4 })), local()),
    ).resolves.toMatchObject({ sub: "user_2abc" });
    expect(
      await reasonOf(
        verifyToken(signToken(sessionClaims({ exp: NOW_S - 2 })), local({ clockSkewInMs: 0 })),
      ),
    ).toBe("token-expired");
  });

  it("token-not-active-yet and token-iat-in-the-future", async () => {
    expect(
      await reasonOf(verifyToken(signToken(sessionClaims({ nbf: NOW_S + 60 })), local())),
    ).toBe("token-not-active-yet");
    expect(
      await reasonOf(verifyToken(signToken(sessionClaims({ iat: NOW_S + 60 })), local())),
    ).toBe("token-iat-in-the-future");
  });

  it("token-verification-failed without sub, without exp, or with a wrong audience", async () => {
    expect(await reasonOf(verifyToken(signToken(sessionClaims({ sub: undefined })), local()))).toBe(
      "token-verification-failed",
    );
    expect(await reasonOf(verifyToken(signToken(sessionClaims({ exp: "soon" })), local()))).toBe(
      "token-verification-failed",
    );
    const withAud = signToken(sessionClaims({ aud: "api-a" }));
    expect(await reasonOf(verifyToken(withAud, local({ audience: "api-b" })))).toBe(
      "token-verification-failed",
    );
    await expect(
      verifyToken(withAud, local({ audience: ["api-b", "api-a"] })),
    ).resolves.toMatchObject({ sub: "user_2abc" });
  });

  it("token-invalid-authorized-parties when azp is absent or not allowed", async () => {
    const allowed = local({ authorizedParties: ["https://app.example.test"] });
    await expect(verifyToken(signToken(sessionClaims()), allowed)).resolves.toMatchObject({
      sub: "user_2abc",
    });
    expect(
      await reasonOf(verifyToken(signToken(sessionClaims({ azp: "https://evil.test" })), allowed)),
    ).toBe("token-invalid-authorized-parties");
    expect(await reasonOf(verifyToken(signToken(sessionClaims({ azp: undefined })), allowed))).toBe(
      "token-invalid-authorized-parties",
    );
  });

  it("token-invalid for anything that is not a compact JWS of JSON objects", async () => {
    const good = signToken(sessionClaims());
    const [h, p, s] = good.split(".");
    for (const bad of [
      "",
      "abc",
      `${h}.${p}`,
      `${h}.${p}.${s}.x`,
      `.${p}.${s}`,
      `${part("not json")}.${p}.${s}`,
      `${h}.${part([1, 2])}.${s}`,
      `${h}.${part("null")}.${s}`,
      `${h}.${p}!.${s}`,
      `x${"a".repeat(20_000)}.${p}.${s}`,
    ]) {
      expect(await reasonOf(verifyToken(bad, local()))).toBe("token-invalid");
    }
  });

  it("token-invalid-algorithm for none, HS256 and unknown algorithms", async () => {
    const claims = part(sessionClaims());
    for (const alg of ["none", "HS256", "ES256", "PS256", undefined]) {
      const token = `${part({ alg, typ: "JWT" })}.${claims}.c2ln`;
      expect(await reasonOf(verifyToken(token, local()))).toBe("token-invalid-algorithm");
    }
  });

  it("token-invalid-signature for another key, a tampered payload or a stripped signature", async () => {
    const good = signToken(sessionClaims());
    const [h, , s] = good.split(".");
    const tampered = `${h}.${part(sessionClaims({ sub: "user_admin" }))}.${s}`;
    const stripped = `${good.slice(0, good.lastIndexOf("."))}.`;
    const foreign = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    for (const bad of [tampered, stripped, foreign]) {
      expect(await reasonOf(verifyToken(bad, local()))).toBe("token-invalid-signature");
    }
  });

  it("checks the signature before the claims", async () => {
    const expiredForeign = signToken(sessionClaims({ exp: NOW_S - 3600 }), {
      privateKey: OTHER_PRIVATE_PEM,
    });
    expect(await reasonOf(verifyToken(expiredForeign, local()))).toBe("token-invalid-signature");
  });

  it("ignores jku, x5u and jwk headers: the configured key decides", async () => {
    const token = signToken(sessionClaims(), {
      privateKey: OTHER_PRIVATE_PEM,
      header: { jku: "https://evil.test/jwks", jwk: { kty: "RSA" }, x5u: "https://evil.test/x" },
    });
    expect(await reasonOf(verifyToken(token, local()))).toBe("token-invalid-signature");
  });

  it("jwk-local-missing for a jwtKey that is not an RSA public key", async () => {
    for (const jwtKey of [
      "nonsense",
      "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
    ]) {
      expect(await reasonOf(verifyToken(signToken(sessionClaims()), local({ jwtKey })))).toBe(
        "jwk-local-missing",
      );
    }
  });

  it("jwk-failed-to-resolve without jwtKey or secretKey, naming what to set", async () => {
    const err = await verifyToken("a.b.c", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenVerificationError);
    expect((err as TokenVerificationError).reason).toBe("jwk-failed-to-resolve");
    expect((err as Error).message).toContain("CLERK_SECRET_KEY");
  });

  it("re-checks the clock for a cached token: a token that passed once still expires", async () => {
    let now = NOW_MS;
    const options = local({ now: () => now });
    const token = signToken(sessionClaims());
    await expect(verifyToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    now += 120_000;
    expect(await reasonOf(verifyToken(token, options))).toBe("token-expired");
  });
});

describe("verifyToken with the Backend API's JWKS", () => {
  function jwksServer(initial = jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary")) {
    const state = { body: initial as unknown, status: 200, down: false };
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (state.down) throw new TypeError("fetch failed");
      expect(String(input)).toBe("https://api.example.test/v1/jwks");
      expect(new Headers(init?.headers).get("authorization")).toBe("Bearer sk_test_jwks");
      return new Response(JSON.stringify(state.body), {
        status: state.status,
        headers: { "content-type": "application/json" },
      });
    });
    return { state, fetch };
  }
  const remote = (fetch: typeof globalThis.fetch, now: () => number = () => NOW_MS) => ({
    secretKey: "sk_test_jwks",
    apiUrl: "https://api.example.test",
    fetch,
    now,
  });

  it("fetches the JWKS once and serves later tokens from the cache", async () => {
    const { fetch } = jwksServer();
    const options = remote(fetch);
    for (let i = 0; i < 5; i++) {
      await verifyToken(signToken(sessionClaims({ jti: `t${i}` })), options);
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("refetches for unknown kids at most once per interval, then answers jwk-kid-mismatch", async () => {
    const { fetch } = jwksServer();
    let now = NOW_MS;
    const options = remote(fetch, () => now);
    await verifyToken(signToken(sessionClaims()), options);
    const forged = (i: number) => signToken(sessionClaims({ jti: `f${i}` }), { kid: `ins_${i}` });
    const reasons = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reasonOf(verifyToken(forged(i), options))),
    );
    expect(new Set(reasons)).toEqual(new Set(["jwk-kid-mismatch"]));
    // The first load counts as this interval's fetch: twenty forged kids cost no request.
    expect(fetch).toHaveBeenCalledTimes(1);
    now += 31_000;
    await Promise.all([1, 2, 3].map((i) => reasonOf(verifyToken(forged(100 + i), options))));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("picks up a rotated key: a new kid triggers a refetch that finds it", async () => {
    const { state, fetch } = jwksServer();
    let now = NOW_MS;
    const options = remote(fetch, () => now);
    await verifyToken(signToken(sessionClaims()), options);
    state.body = {
      keys: [
        ...jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary").keys,
        ...jwksOf(OTHER_PUBLIC_PEM, "ins_next").keys,
      ],
    };
    now += 31_000;
    const rotated = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM, kid: "ins_next" });
    await expect(verifyToken(rotated, options)).resolves.toMatchObject({ sub: "user_2abc" });
  });

  it("keeps serving cached keys while the JWKS endpoint is down; unknown kids fail closed", async () => {
    const { state, fetch } = jwksServer();
    let now = NOW_MS;
    const options = remote(fetch, () => now);
    await verifyToken(signToken(sessionClaims()), options);
    state.down = true;
    now += 10 * 60_000;
    const later = (claims: Record<string, unknown>, kid?: string) =>
      signToken(sessionClaims({ iat: now / 1000, exp: now / 1000 + 60, ...claims }), { kid });
    await expect(verifyToken(later({ jti: "a" }), options)).resolves.toMatchObject({ jti: "a" });
    expect(await reasonOf(verifyToken(later({ jti: "b" }, "ins_unknown"), options))).toBe(
      "jwk-kid-mismatch",
    );
    // The failed refresh is not retried for every token: within a second, no further request.
    for (let i = 0; i < 10; i++) {
      await expect(verifyToken(later({ jti: `s${i}` }), options)).resolves.toMatchObject({
        jti: `s${i}`,
      });
    }
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("after a failed fetch, waits a second before the next: a down endpoint gets no request per token", async () => {
    const { state, fetch } = jwksServer();
    state.down = true;
    let now = NOW_MS;
    const options = remote(fetch, () => now);
    const fresh = (i: number) => signToken(sessionClaims({ jti: `d${i}` }));
    const first = await Promise.all(
      Array.from({ length: 10 }, (_, i) => reasonOf(verifyToken(fresh(i), options))),
    );
    for (let i = 10; i < 20; i++) first.push(await reasonOf(verifyToken(fresh(i), options)));
    expect(new Set(first)).toEqual(new Set(["jwk-remote-failed-to-load"]));
    expect(fetch).toHaveBeenCalledTimes(1);
    now += 1_000;
    state.down = false;
    await expect(verifyToken(fresh(99), options)).resolves.toMatchObject({ jti: "d99" });
    expect(fetch).toHaveBeenCalledTimes(2);
    // Each request carries a timeout: a hanging endpoint cannot hold verifications forever.
    expect(fetch.mock.calls[1]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it("coded errors for an unreachable, refusing or malformed JWKS endpoint", async () => {
    const token = signToken(sessionClaims());
    const down = jwksServer();
    down.state.down = true;
    expect(await reasonOf(verifyToken(token, remote(down.fetch)))).toBe(
      "jwk-remote-failed-to-load",
    );

    const refusing = jwksServer();
    refusing.state.status = 401;
    expect(await reasonOf(verifyToken(token, remote(refusing.fetch)))).toBe("secret-key-invalid");

    const failing = jwksServer();
    failing.state.status = 500;
    expect(await reasonOf(verifyToken(token, remote(failing.fetch)))).toBe(
      "jwk-remote-failed-to-load",
    );

    const malformed = jwksServer();
    malformed.state.body = { nope: true };
    expect(await reasonOf(verifyToken(token, remote(malformed.fetch)))).toBe("jwk-remote-invalid");

    const empty = jwksServer();
    empty.state.body = { keys: [{ kty: "EC", kid: "x" }] };
    expect(await reasonOf(verifyToken(token, remote(empty.fetch)))).toBe("jwk-remote-missing");
  });

  it("never puts the secret key in an error message", async () => {
    const { state, fetch } = jwksServer();
    for (const status of [401, 500]) {
      state.status = status;
      const err = await verifyToken(signToken(sessionClaims()), remote(fetch)).catch((e) => e);
      expect(String((err as Error).message)).not.toContain("sk_test_jwks");
    }
  });
});
