/**
 * Fixed RSA-2048 key pairs for tests only (never used outside tests), and a signer. Fixed keys
 * keep JWT tests reproducible; the second pair plays "another instance".
 */
import { createPrivateKey, createPublicKey, sign } from "node:crypto";
import { vi } from "vitest";
import type { VerifyTokenOptions } from "../src/tokens/verify-token-options.js";

export const PRIMARY_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9PPyQ3odNLolCFW+fHn3
BYyS5UpTALMMCkJ7tgsu+6UgQBfcuAmY6Sfs/u1VcgWuw5cGngQp7fATBMl8R6uV
nsKdDbDUM3eHad6Tkvi+kbivG8sCCULu01lPa5l06XhvJcoHYBOVH1C5uyyIYLAP
uy3BQkZYS8Yu8k5akd6gMCjWcszeWekV0Ew7Qe2C0DOP0UH7+qNlbf/DdjfTRKuw
4Xd3a2RfP8HJ0FLFE4nYfYn29Q0UVFpSnUfnRXJ94BvoltmSDNUX3MLbGoJvSB4U
zwjee1bbWhs3WFEUVzKvuM0h4gt5P3xtVNdIObdxoJ5Ptjz9ySmuFI6V/Ruea9Xy
DQIDAQAB
-----END PUBLIC KEY-----
`;
export const PRIMARY_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQD08/JDeh00uiUI
Vb58efcFjJLlSlMAswwKQnu2Cy77pSBAF9y4CZjpJ+z+7VVyBa7DlwaeBCnt8BME
yXxHq5Wewp0NsNQzd4dp3pOS+L6RuK8bywIJQu7TWU9rmXTpeG8lygdgE5UfULm7
LIhgsA+7LcFCRlhLxi7yTlqR3qAwKNZyzN5Z6RXQTDtB7YLQM4/RQfv6o2Vt/8N2
N9NEq7Dhd3drZF8/wcnQUsUTidh9ifb1DRRUWlKdR+dFcn3gG+iW2ZIM1Rfcwtsa
gm9IHhTPCN57VttaGzdYURRXMq+4zSHiC3k/fG1U10g5t3Ggnk+2PP3JKa4UjpX9
G55r1fINAgMBAAECggEAV2+qlxaETVlytZ5xv9oDaIost0cICNRgpFrl8O3eB/qB
4A8EfPcEC5nyWW8bVHed0fhbZtVCqEnNaCSJxcWEQ2bhi80GehadEhfeopRC5h4/
91JIOEkZmfyjwltFJb+VIS6T4mIrFUIKAjubtLOz8dMbzI3yn52vDVQVtUL7+CQw
2jsFy/c+jeTP+y587NduJF/KL1loxykGwTLEC3feA66Omu68X7jphmUJmLsR9rGQ
2p+tPxTXCvKpwD6KkxmSFKi3p+ZYRSE2JrBnHFn8WMIR1iGSMxmg+UjdzGJ1L713
MG/1WfhreVABZGjXnbmBanGTx/dAH0ecVcXMNEuFGwKBgQD9nRwAnEdEzQ3hIT2b
3ia3XN8y3j9yfUcxVTrcPKU9pXh7UWXW6zhlT+69Jn0R+gETQV7I94KI7GRVTDTi
jrShZk/WOvTUTL2C6UKOVE7Dl/h2FBi+IcHgQfDz2/vto47F+OpOmpB7ynmmmhEB
in3J1oPd148vC+ms1HHGPvs0SwKBgQD3Qfmul5DQ4qPFBsjtlwPjgQJ2eilpkF+l
r/jPMgxPd0e0aaVrKsICkqYYYEvnmmqp7jtuLl8jOaTdCiDYLr09kWjXJMxXBn4F
7YmukpFBkbDy/GTmE014sehaP22nau1hSlHv83rg/eeGRaJbEbtlK7JLM6luyGN5
ft9jywwMBwKBgBZSJYzINF2Rzo7p5go52x54RgysEtl4vTNSVQPdMo3iamAwIc5w
lV4VUuXC5W8XmdCgCD+XyR1T8OCw/FaUSMGLx6sLNVEaD/Pdo8XzFZuRXITH8AWL
4wxhwVs1GU8o/f/ekICqidzbTSmklaqVDc0d3C1CM4/odICJkhnooSNRAoGAP34M
nJ3FDS61uTl1zTTzRa9yL3RNQBNXzFc0wBfs+1b47cYXOT7AlSKNTkMkGrQXYc2Q
K0nzGjuKL0yThI/z/mRhlKWZZ1t+bw1BRrfSXxEHbE4NptscELs2nD4fbVdS36HT
CpfuXOo2Us980n/qLB+daBw7DPyeNquyt5CDZm8CgYBPCTrTgzOlHQRBc/zN5eBR
zEQYcoxSSzznUSW2vCrQu4np5Mspjmk/T3COes7CyN+BYJq0gHTIN2QrOnAPN2/8
UVoKNJ9e2NiXSinaqo1F/bw1KcIcqjMIR5QK83nVIu66RGJjBMZu0l4w2UDxcZ9Y
ZhesdkBI63DVLD7tMs4UYw==
-----END PRIVATE KEY-----
`;
export const OTHER_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsrjZF5spHoo8fVeakyjE
1cjSZKwOTSdpti0E13sn9Zb2CMDKuHgLRzM0Z9Vs7zRnJgulglDuuFSuKblJvxuF
rm3y4w1k4E5RUaA6ZAnhAMNXM6J2Z2Gol/62pvgMH1fzSQRq8lXc9gLn5sNVREMS
/ND/+/2XHJZcq/5BcYqJD/eUO1yxgGUwY9xmeL6vPcFmR9Z7f6H31Fpx52R6oPMr
jvTU50rLAcWuGODN0HZ6WeLoQUpVK+nPARyFMnO4RUMehUMNKyJWVAr5Dxan+ElW
vjdF8JQSU8iDWXndkuGJ1B6Tqse6YFLi4DMlwsSLY+JxUQlLTbmMp3en8NpoxuL8
EwIDAQAB
-----END PUBLIC KEY-----
`;
export const OTHER_PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCyuNkXmykeijx9
V5qTKMTVyNJkrA5NJ2m2LQTXeyf1lvYIwMq4eAtHMzRn1WzvNGcmC6WCUO64VK4p
uUm/G4WubfLjDWTgTlFRoDpkCeEAw1czonZnYaiX/ram+AwfV/NJBGryVdz2Aufm
w1VEQxL80P/7/Zccllyr/kFxiokP95Q7XLGAZTBj3GZ4vq89wWZH1nt/offUWnHn
ZHqg8yuO9NTnSssBxa4Y4M3QdnpZ4uhBSlUr6c8BHIUyc7hFQx6FQw0rIlZUCvkP
Fqf4SVa+N0XwlBJTyINZed2S4YnUHpOqx7pgUuLgMyXCxItj4nFRCUtNuYynd6fw
2mjG4vwTAgMBAAECggEAF62QatA5DRLDcNe/uD9ufzmxUM/QFT4OLf9I5O4sHR14
UIXlAGDnHZ0VvwFHrWlZQRvJ5w9R5pn8I7WopOkV4kYu0mYJN1ko7OeNf4jPhopa
wzyC81oSPBDtoga66cF9Oe9GkVSkMZ5bmvcbai/OFDCcZDD0vuos3PHn5GMLmvxk
DUggc0AEPCReYmk2UbDl/Jt0rG5nID3Whbp4ithToJiNy+qGalCf2lDxoew/Wikc
/teFsdZKfh2LiALkjMnT/qQh9ynKJL2z/rpDc3QO++4oSq0pzcpKxE5INEE/5VL2
XvhOfFMXBOmKjIE5D05DD6Y9bLiV/CZX8KTuo+/YAQKBgQDZMrvcPsCTI5IAYT7V
lkLxfFWyvz0M/4xdthJ+LSjoyAvizAxCmVNK+6vBM3FghUCDpAb8R9v3+JELkSpr
PWJ7JaFY3WS7wuh7i8byI2pPOP5BVC7y7U8wOe5n2FskbfPblTWbSFiU+OY4dKyt
/r5c37Xs/VLtL/wJuNOWj2eNwwKBgQDSpnX4ncbUtzsmXRf3XgDnMBlvM7lBM1Jw
jKbzfVtJ55Kp9HkeH27xQiMVznVWp2lqWu2rpFRlNonuxfi75m5z8wxM+RvqBURb
Bgky6T/ShzGo/UGcFvFeA8JxQDjAGD6oxjMPtDxoPhW/rpxrD2HPACWyCj+Lq8wq
b3hgG4ljcQKBgDUrKTeqGOQsAfKb25DXfr20rRnbnKtQ52CNUIuYrHoHdnlnb9zh
wbUKVKov2KJDHF7dSWR6hst2CrOlLpgf57qzpIKnd6BK/zQ3LFVb/As2rW76l5+a
Hhd1Jvo+yVjqnZZ0OTIxDJYzM9BAJ4FUae88SEGiZalwZKdQmmMx6ayXAoGABvmQ
Cm1e+ggfI0QN2Rj5uq3zCaWSyr/iSOu/U2yhKy9JwergX8j2qXJhKwWtCPN+IBFm
sTo9uSQ3KPrRI5ebrKctjxbof7Uw8Dqg71idzmC/mjLYi0yPLWe+dnWD64hh+sCl
TC3RmjoEClbDwx+9Q1dj6CNCu2My3WzXdYcz42ECgYBcZf2rZ2OWOR2bcBW21clQ
DpO6Rr1nHH6jhWXngEmf2yD73lZ4YOAa7Jh5lnGbN3bMMmhmOjJ+B930HAIPRYUy
NfM+mNPVM/VgjYA4RGkLi7wHfKM887KVknOtsfgREju/onJm/ZPQR2HvzuO72D8q
F4rs6DpXTLkfk+qnlK1kBg==
-----END PRIVATE KEY-----
`;

/** Frozen "now" of JWT tests: 2026-01-01T00:00:00Z. */
export const NOW_MS = 1_767_225_600_000;
export const NOW_S = NOW_MS / 1000;

/** A valid v2 session token's claims at {@link NOW_S}. */
export function sessionClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: "https://clerk.example.test",
    sub: "user_2abc",
    sid: "sess_2abc",
    azp: "https://app.example.test",
    iat: NOW_S - 5,
    nbf: NOW_S - 15,
    exp: NOW_S + 55,
    v: 2,
    fva: [1, -1],
    sts: "active",
    ...overrides,
  };
}

function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/** Signs claims as a compact JWS. `header` overrides the default `{ alg: "RS256", kid, typ }`. */
export function signToken(
  claims: Record<string, unknown>,
  options: { privateKey?: string; header?: Record<string, unknown>; kid?: string } = {},
): string {
  const header = { alg: "RS256", typ: "JWT", kid: options.kid ?? "ins_primary", ...options.header };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const digest = { RS256: "sha256", RS384: "sha384", RS512: "sha512" }[header.alg as string];
  const signature = sign(
    digest ?? "sha256",
    Buffer.from(input),
    createPrivateKey(options.privateKey ?? PRIMARY_PRIVATE_PEM),
  );
  return `${input}.${b64url(signature)}`;
}

/** The JWKS of a public key, as the Backend API serves it. */
export function jwksOf(publicPem: string, kid: string): { keys: JsonWebKey[] } {
  const jwk = createPublicKey(publicPem).export({ format: "jwk" }) as JsonWebKey;
  return { keys: [{ ...jwk, kid, alg: "RS256", use: "sig" } as JsonWebKey] };
}

/** Encodes a JSON value as a base64url JWS part (for hand-made malformed tokens). */
export function part(value: unknown): string {
  return b64url(typeof value === "string" ? value : JSON.stringify(value));
}

/**
 * Options that resolve keys through an instance's JWKS (the primary key, kid `ins_primary`),
 * served by a recorded fake `fetch` at `https://api.example.test/v1/jwks`.
 */
export function jwksBackedOptions(secretKey: string): {
  fetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
  options: VerifyTokenOptions;
} {
  const fetch = vi.fn<typeof globalThis.fetch>(
    async () =>
      new Response(JSON.stringify(jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary")), {
        status: 200,
        headers: { "content-type": "application/json" },
      }),
  );
  return {
    fetch,
    options: { secretKey, apiUrl: "https://api.example.test", fetch, now: () => NOW_MS },
  };
}
