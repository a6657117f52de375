import { describe, expect, it } from "vitest";
import {
  OTHER_PUBLIC_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../../test/token-fixtures.js";
import { spkiFromPem } from "./pem.js";
import { importRsaPublicKey, importWithWebCrypto } from "./rsa-public-key.js";

function signedParts(alg = "RS256") {
  const token = signToken(sessionClaims(), { header: { alg } });
  const dot = token.lastIndexOf(".");
  return { data: token.slice(0, dot), signature: token.slice(dot + 1) };
}

describe("RSA public keys", () => {
  for (const [name, importer] of [
    ["node:crypto fast path", importRsaPublicKey],
    ["Web Crypto (edge runtimes)", importWithWebCrypto],
  ] as const) {
    it(`${name}: verifies RS256/384/512 and refuses a foreign key`, async () => {
      const key = importer({ format: "spki", key: spkiFromPem(PRIMARY_PUBLIC_PEM)! });
      const other = importer({ format: "spki", key: spkiFromPem(OTHER_PUBLIC_PEM)! });
      for (const alg of ["RS256", "RS384", "RS512"] as const) {
        const { data, signature } = signedParts(alg);
        expect(await key.verify(alg, data, signature)).toBe(true);
        expect(await other.verify(alg, data, signature)).toBe(false);
      }
      const { data, signature } = signedParts("RS256");
      expect(await key.verify("RS384", data, signature)).toBe(false);
    });
  }

  it("node:crypto fast path: checks inputs too large for its reused buffer, and back-to-back checks do not mix", async () => {
    const key = importRsaPublicKey({ format: "spki", key: spkiFromPem(PRIMARY_PUBLIC_PEM)! });
    const big = signToken(sessionClaims({ padding: "x".repeat(20_000) }));
    const dot = big.lastIndexOf(".");
    expect(await key.verify("RS256", big.slice(0, dot), big.slice(dot + 1))).toBe(true);
    expect(await key.verify("RS256", `${big.slice(0, dot)}x`, big.slice(dot + 1))).toBe(false);
    const small = signedParts("RS256");
    expect(await key.verify("RS256", small.data, small.signature)).toBe(true);
    expect(await key.verify("RS256", small.data.slice(0, -1), small.signature)).toBe(false);
    expect(await key.verify("RS256", small.data, small.signature)).toBe(true);
  });

  it("refuses non-RSA JWKs and JWKs without a modulus", () => {
    expect(() => importRsaPublicKey({ format: "jwk", key: { kty: "EC" } })).toThrow();
    expect(() => importRsaPublicKey({ format: "jwk", key: { kty: "RSA", e: "AQAB" } })).toThrow();
  });
});
