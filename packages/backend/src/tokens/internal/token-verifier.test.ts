import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../../test/property-params.js";
import {
  NOW_MS,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../../test/token-fixtures.js";
import { TokenVerificationError } from "../token-verification-error.js";
import type { KeySource } from "./key-source.js";
import { LocalKeySource } from "./local-key-source.js";
import { TokenVerifier } from "./token-verifier.js";

function countingVerifier(capacity = 100) {
  const inner = new LocalKeySource(PRIMARY_PUBLIC_PEM);
  // The key is looked up once per signature check (never for a cached token).
  const counts = { checks: 0 };
  const keySource: KeySource = {
    keyFor: () => {
      counts.checks++;
      return inner.keyFor();
    },
  };
  const verifier = new TokenVerifier(keySource, capacity);
  const verify = async (token: string) => {
    const verification = await verifier.verify(token, { now: () => NOW_MS });
    if (verification.ok) return verification.claims;
    throw verification.error;
  };
  return { verify, counts };
}

describe("TokenVerifier's verified-token cache", () => {
  it("checks a signature once per token string", async () => {
    const { verify, counts } = countingVerifier();
    const token = signToken(sessionClaims());
    for (let i = 0; i < 10; i++) await verify(token);
    expect(counts.checks).toBe(1);
  });

  it("never caches a refused token", async () => {
    const { verify, counts } = countingVerifier();
    const token = signToken(sessionClaims());
    const tampered = `${token.slice(0, -4)}AAAA`;
    for (let i = 0; i < 3; i++) {
      await expect(verify(tampered)).rejects.toBeInstanceOf(TokenVerificationError);
    }
    expect(counts.checks).toBe(3);
  });

  it("stays bounded: old tokens are verified again after the cache turns over", async () => {
    const { verify, counts } = countingVerifier(4);
    const tokens = Array.from({ length: 6 }, (_, i) => signToken(sessionClaims({ jti: `${i}` })));
    for (const token of tokens) await verify(token);
    expect(counts.checks).toBe(6);
    await verify(tokens[5]!);
    expect(counts.checks).toBe(6);
    await verify(tokens[0]!);
    expect(counts.checks).toBe(7);
  });

  it("property: any change to a signed token is refused with a coded error", async () => {
    const { verify } = countingVerifier();
    const token = signToken(sessionClaims());
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: token.length - 1 }),
        fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ "),
        async (index, char) => {
          fc.pre(token[index] !== char);
          const mutated = token.slice(0, index) + char + token.slice(index + 1);
          const outcome = await verify(mutated).then(
            () => "accepted",
            (err: unknown) => (err instanceof TokenVerificationError ? "coded" : String(err)),
          );
          // Base64url has slack in its last character: a change that decodes to the same bytes
          // is the same token, so it must verify to the same claims; anything else is refused.
          if (outcome === "accepted") {
            expect(await verify(mutated)).toEqual(await verify(token));
          } else {
            expect(outcome).toBe("coded");
          }
        },
      ),
      propertyParams({ numRuns: 300 }),
    );
  });

  it("property: arbitrary strings only ever give a coded error", async () => {
    const { verify } = countingVerifier();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.tuple(fc.string(), fc.string(), fc.string()).map((parts) => parts.join(".")),
          fc
            .tuple(fc.json(), fc.json(), fc.base64String())
            .map(([h, p, s]) =>
              [Buffer.from(h).toString("base64url"), Buffer.from(p).toString("base64url"), s].join(
                ".",
              ),
            ),
        ),
        async (input) => {
          const err = await verify(input).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(TokenVerificationError);
        },
      ),
      propertyParams({ numRuns: 500 }),
    );
  });
});
