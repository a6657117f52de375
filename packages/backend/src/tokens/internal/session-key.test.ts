import { describe, expect, it } from "vitest";
import {
  jwksOf,
  OTHER_PUBLIC_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../../test/token-fixtures.js";
import {
  checkSignatureWithJose,
  checkSignatureWithNode,
  importSessionKey,
  importWebSessionKey,
  type KeyMaterial,
  type RsaAlgorithm,
  type SessionKey,
} from "./session-key.js";

function signedToken(alg = "RS256", claims = sessionClaims()) {
  const token = signToken(claims, { header: { alg } });
  const dot = token.lastIndexOf(".");
  return { token, data: token.slice(0, dot), signature: token.slice(dot + 1) };
}

async function imported(
  importer: typeof importSessionKey,
  material: KeyMaterial,
): Promise<SessionKey> {
  const result = await importer(material);
  if (!result.ok) throw new Error("the fixture key did not import");
  return result.key;
}

/** Checks a token's signature with whichever form the key has. */
async function verifies(key: SessionKey, alg: RsaAlgorithm, token: string): Promise<boolean> {
  const dot = token.lastIndexOf(".");
  const check =
    key.runtime === "node"
      ? checkSignatureWithNode(key, alg, token.slice(0, dot), token.slice(dot + 1))
      : await checkSignatureWithJose(key, alg, token);
  return check.ok;
}

const PEM: KeyMaterial = { format: "pem", pem: PRIMARY_PUBLIC_PEM };
const OTHER_PEM: KeyMaterial = { format: "pem", pem: OTHER_PUBLIC_PEM };
const JWK: KeyMaterial = { format: "jwk", jwk: jwksOf(PRIMARY_PUBLIC_PEM, "ins_1").keys[0]! };

describe("session keys (imported with jose)", () => {
  for (const [name, importer, runtime] of [
    ["node:crypto fast path", importSessionKey, "node"],
    ["Web Crypto (edge runtimes)", importWebSessionKey, "web"],
  ] as const) {
    it(`${name}: verifies RS256/384/512 and refuses a foreign key`, async () => {
      for (const material of [PEM, JWK]) {
        const key = await imported(importer, material);
        expect(key.runtime).toBe(runtime);
        const other = await imported(importer, OTHER_PEM);
        for (const alg of ["RS256", "RS384", "RS512"] as const) {
          const { token } = signedToken(alg);
          expect(await verifies(key, alg, token)).toBe(true);
          expect(await verifies(other, alg, token)).toBe(false);
        }
        const { token } = signedToken("RS256");
        expect(await verifies(key, "RS384", token)).toBe(false);
      }
    });
  }

  it("node:crypto fast path: large inputs, and back-to-back checks that do not mix", async () => {
    const key = await imported(importSessionKey, PEM);
    const big = signedToken("RS256", sessionClaims({ padding: "x".repeat(20_000) }));
    expect(await verifies(key, "RS256", big.token)).toBe(true);
    expect(await verifies(key, "RS256", `${big.data}x.${big.signature}`)).toBe(false);
    const small = signedToken("RS256");
    expect(await verifies(key, "RS256", small.token)).toBe(true);
    expect(await verifies(key, "RS256", `${small.data.slice(0, -1)}.${small.signature}`)).toBe(
      false,
    );
    expect(await verifies(key, "RS256", small.token)).toBe(true);
  });

  it("refuses non-RSA JWKs, JWKs without a modulus, private and malformed PEM, as values", async () => {
    for (const importer of [importSessionKey, importWebSessionKey]) {
      for (const material of [
        { format: "jwk", jwk: { kty: "EC" } },
        { format: "jwk", jwk: { kty: "RSA", e: "AQAB" } },
        { format: "pem", pem: "nonsense" },
        { format: "pem", pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
        { format: "pem", pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" },
      ] satisfies KeyMaterial[]) {
        const result = await importer(material);
        expect(result.ok, JSON.stringify(material)).toBe(false);
      }
    }
  });
});
