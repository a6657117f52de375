/** ID token checks one by one, with keys made here and a frozen clock. */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createFixedClock } from "../clock.js";
import { MICROSOFT_ISSUER_TEMPLATE } from "./oauth-connection.js";
import { OAuthProviderError } from "./oauth-provider-error.js";
import { verifyIdToken } from "./verify-id-token.js";

const NOW = 1_800_000_000_000;
const clock = createFixedClock(NOW);
const ISSUER = "https://idp.example";
const TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
let privateKey: CryptoKey;
let jwks: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  jwks = createLocalJWKSet({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256" }],
  });
});

const iat = Math.floor(NOW / 1000);
const baseClaims = { iss: ISSUER, aud: "app", sub: "user-1", nonce: "n-1", iat, exp: iat + 3600 };

function sign(claims: JWTPayload, alg = "RS256"): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, kid: "k1" }).sign(privateKey);
}

const verify = (token: string, overrides: Partial<Parameters<typeof verifyIdToken>[1]> = {}) =>
  verifyIdToken(token, {
    jwks,
    issuer: ISSUER,
    clientId: "app",
    nonce: "n-1",
    algorithms: ["RS256"],
    now: clock.now,
    ...overrides,
  });

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OAuthProviderError);
  expect((error as OAuthProviderError).code).toBe("id_token_invalid");
  return (error as Error).message;
}

describe("verifyIdToken", () => {
  it("accepts a good token, within 60 s of skew", async () => {
    expect((await verify(await sign(baseClaims))).sub).toBe("user-1");
    expect((await verify(await sign({ ...baseClaims, iat: iat + 50 }))).sub).toBe("user-1");
    expect((await verify(await sign({ ...baseClaims, exp: iat - 50 }))).sub).toBe("user-1");
  });

  it("refuses an expired token and one issued in the future", async () => {
    expect(await reason(verify(await sign({ ...baseClaims, exp: iat - 61 })))).toMatch(/expired/);
    expect(
      await reason(verify(await sign({ ...baseClaims, iat: iat + 120, exp: iat + 3600 }))),
    ).toMatch(/iat|future/);
  });

  it("refuses another issuer, another audience, a wrong or missing nonce", async () => {
    expect(
      await reason(verify(await sign({ ...baseClaims, iss: "https://evil.example" }))),
    ).toMatch(/iss/);
    expect(await reason(verify(await sign({ ...baseClaims, aud: "other-app" })))).toMatch(/aud/);
    expect(await reason(verify(await sign({ ...baseClaims, nonce: "n-2" })))).toMatch(/nonce/);
    const { nonce: _dropped, ...noNonce } = baseClaims;
    expect(await reason(verify(await sign(noNonce)))).toMatch(/nonce/);
  });

  it("checks azp when there are several audiences or an azp is present", async () => {
    expect(await reason(verify(await sign({ ...baseClaims, aud: ["app", "other"] })))).toMatch(
      /azp/,
    );
    expect(
      await reason(verify(await sign({ ...baseClaims, aud: ["app", "other"], azp: "other" }))),
    ).toMatch(/azp/);
    expect(await reason(verify(await sign({ ...baseClaims, azp: "other" })))).toMatch(/azp/);
    expect(
      (await verify(await sign({ ...baseClaims, aud: ["app", "other"], azp: "app" }))).sub,
    ).toBe("user-1");
  });

  it("refuses alg none and HS256 even when listed", async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(baseClaims)).toString("base64url")}.`;
    expect(await reason(verify(unsigned, { algorithms: ["none", "RS256"] }))).toBeTruthy();
    const hmac = await new SignJWT(baseClaims)
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .sign(new TextEncoder().encode("a-shared-secret-of-32-bytes-long!"));
    expect(await reason(verify(hmac, { algorithms: ["HS256", "RS256"] }))).toBeTruthy();
  });

  it("refuses an algorithm the provider did not list", async () => {
    expect(await reason(verify(await sign(baseClaims), { algorithms: ["ES256"] }))).toMatch(
      /algorithm/,
    );
  });

  it("checks Microsoft's tenant issuer against the token's own tid", async () => {
    const microsoft = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    const good = await sign({ ...baseClaims, iss: microsoft, tid: TENANT });
    expect((await verify(good, { issuer: MICROSOFT_ISSUER_TEMPLATE })).sub).toBe("user-1");
    const otherTenant = await sign({
      ...baseClaims,
      iss: microsoft,
      tid: "00000000-0000-0000-0000-000000000001",
    });
    expect(await reason(verify(otherTenant, { issuer: MICROSOFT_ISSUER_TEMPLATE }))).toMatch(/iss/);
    const noTid = await sign({ ...baseClaims, iss: microsoft });
    expect(await reason(verify(noTid, { issuer: MICROSOFT_ISSUER_TEMPLATE }))).toMatch(/tid/);
    const template = await sign({
      ...baseClaims,
      iss: MICROSOFT_ISSUER_TEMPLATE,
      tid: "{tenantid}",
    });
    expect(await reason(verify(template, { issuer: MICROSOFT_ISSUER_TEMPLATE }))).toMatch(/tid/);
  });
});
