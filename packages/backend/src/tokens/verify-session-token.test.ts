import { describe, expect, it } from "vitest";
import {
  jwksBackedOptions,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import { verifySessionToken as fromIndex } from "../index.js";
import { TokenVerificationError } from "./token-verification-error.js";
import { verifySessionToken } from "./verify-session-token.js";
import { verifyToken } from "./verify-token.js";

const local = { jwtKey: PRIMARY_PUBLIC_PEM, now: () => NOW_MS };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TokenVerificationError);
    return (err as TokenVerificationError).code;
  }
  throw new Error("expected the token to be refused");
}

describe("verifySessionToken (the older name of verifyToken)", () => {
  it("is exported from the package entry", () => {
    expect(fromIndex).toBe(verifySessionToken);
  });

  it("returns the same claims as verifyToken, with a PEM key and no network", async () => {
    const token = signToken(sessionClaims());
    const claims = await verifySessionToken(token, local);
    expect(claims).toEqual(await verifyToken(token, local));
    expect([claims.sub, claims.sid]).toEqual(["user_2abc", "sess_2abc"]);
  });

  it("refuses with verifyToken's codes: expired, bad signature, other authorized party", async () => {
    const cases: Array<[string, Parameters<typeof verifySessionToken>[1]]> = [
      [signToken(sessionClaims({ exp: NOW_S - 60 })), local],
      [signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM }), local],
      [signToken(sessionClaims()), { ...local, authorizedParties: ["https://other.test"] }],
    ];
    const codes = [];
    for (const [token, options] of cases) {
      const code = await codeOf(verifySessionToken(token, options));
      expect(code).toBe(await codeOf(verifyToken(token, options)));
      codes.push(code);
    }
    expect(codes).toEqual([
      "token-expired",
      "token-invalid-signature",
      "token-invalid-authorized-parties",
    ]);
  });

  it("takes the same JWKS options as verifyToken (key fetched once, then cached)", async () => {
    const { fetch, options } = jwksBackedOptions("sk_test_verifySessionTokenJwks");
    const token = signToken(sessionClaims());
    await expect(verifySessionToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    await expect(verifySessionToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
