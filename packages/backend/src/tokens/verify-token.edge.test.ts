/**
 * verifyToken where `node:crypto` and `node:buffer` are absent (edge runtimes, workers): keys are
 * Web Crypto keys, payloads are decoded and signatures checked by jose.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  jwksOf,
  NOW_MS,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  part,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import type { VerifyTokenOptions } from "./verify-token-options.js";

async function edgeVerifyToken() {
  vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
  vi.resetModules();
  return (await import("./verify-token.js")).verifyToken;
}

const local = (extra: Partial<VerifyTokenOptions> = {}): VerifyTokenOptions => ({
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  ...extra,
});

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "accepted",
    (err: { reason?: string }) => err.reason ?? String(err),
  );
}

describe("verifyToken on an edge runtime", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("accepts RS256/384/512 tokens of the key and refuses the rest with the same codes", async () => {
    const verifyToken = await edgeVerifyToken();
    const webCryptoVerify = vi.spyOn(crypto.subtle, "verify");
    for (const alg of ["RS256", "RS384", "RS512"]) {
      const token = signToken(sessionClaims({ jti: `edge-${alg}` }), { header: { alg } });
      await expect(verifyToken(token, local())).resolves.toMatchObject({ sub: "user_2abc" });
    }
    expect(webCryptoVerify).toHaveBeenCalledTimes(3);
    const foreign = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    expect(await reasonOf(verifyToken(foreign, local()))).toBe("token-invalid-signature");
    const token = signToken(sessionClaims({ jti: "edge-tampered" }));
    const [header, , signature] = token.split(".");
    const tampered = `${header}.${part(sessionClaims({ sub: "user_admin" }))}.${signature}`;
    expect(await reasonOf(verifyToken(tampered, local()))).toBe("token-invalid-signature");
    const notJson = `${header}.${Buffer.from("sub=x").toString("base64url")}.${signature}`;
    expect(await reasonOf(verifyToken(notJson, local()))).toBe("token-invalid");
    expect(await reasonOf(verifyToken(token, local({ jwtKey: "nonsense" })))).toBe(
      "jwk-local-missing",
    );
    const parties = { authorizedParties: ["https://elsewhere.example.test"] };
    expect(await reasonOf(verifyToken(token, local(parties)))).toBe(
      "token-invalid-authorized-parties",
    );
  });

  it("verifies through the instance's JWKS", async () => {
    const verifyToken = await edgeVerifyToken();
    const fetch = vi.fn(async () => Response.json(jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary")));
    const options: VerifyTokenOptions = {
      secretKey: "sk_test_edge",
      apiUrl: "https://api.example.test",
      fetch,
      now: () => NOW_MS,
    };
    const token = signToken(sessionClaims({ jti: "edge-jwks" }), { kid: "ins_primary" });
    await expect(verifyToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    await expect(verifyToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
