/**
 * Known attacks on JWT verification, each as a test that fails if the attack gets through:
 * algorithm confusion, key confusion, header-borne keys, stripped or tampered signatures, time
 * edges, oversized and malformed tokens, authorized-party and cross-instance tokens.
 */
import { createHmac, createPrivateKey, createPublicKey, sign } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import {
  jwksOf,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  OTHER_PUBLIC_PEM,
  PRIMARY_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  part,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import { importSessionKey, importWebSessionKey, type KeyMaterial } from "./internal/session-key.js";
import { TokenVerifier } from "./internal/token-verifier.js";
import { TokenVerificationError } from "./token-verification-error.js";
import { verifyToken } from "./verify-token.js";
import type { VerifyTokenOptions } from "./verify-token-options.js";

const INSTANCE_API = "https://api.example.test";
const ATTACKER = "https://attacker.example.test";

/** Options with the instance's PEM key and a frozen clock (a new object: a fresh verifier). */
const local = (extra: Partial<VerifyTokenOptions> = {}): VerifyTokenOptions => ({
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  ...extra,
});

/** A JWKS endpoint of the instance that records every URL asked for. */
function instanceJwks(keys: JsonWebKey[] = jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary").keys) {
  const fetch = vi.fn(async (_input: RequestInfo | URL) => {
    return new Response(JSON.stringify({ keys }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  });
  const options: VerifyTokenOptions = {
    secretKey: "sk_test_attacks",
    apiUrl: INSTANCE_API,
    fetch,
    now: () => NOW_MS,
  };
  const urls = () => fetch.mock.calls.map(([input]) => String(input));
  return { fetch, options, urls };
}

/** The reason a token is refused with (fails the test when it is accepted). */
async function reasonOf(token: string, options: VerifyTokenOptions): Promise<string> {
  try {
    await verifyToken(token, options);
  } catch (err) {
    expect(err).toBeInstanceOf(TokenVerificationError);
    return (err as TokenVerificationError).reason;
  }
  throw new Error("the token was accepted");
}

/** `header.payload` of a hand-made token. */
const signingInput = (header: unknown, claims: unknown) => `${part(header)}.${part(claims)}`;

const hs256 = (input: string, secret: string | Buffer) =>
  createHmac("sha256", secret).update(input).digest("base64url");

const rs256 = (input: string, privatePem: string) =>
  sign("sha256", Buffer.from(input), createPrivateKey(privatePem)).toString("base64url");

const signatureOf = (token: string) => token.slice(token.lastIndexOf(".") + 1);

describe("alg: none", () => {
  const input = signingInput({ alg: "none", typ: "JWT" }, sessionClaims());

  it.each([
    ["without a signature part", `${input}.`],
    [
      "with a real RS256 signature copied in",
      `${input}.${signatureOf(signToken(sessionClaims()))}`,
    ],
    ["with a garbage signature", `${input}.AAAA`],
    ["spelled None", `${signingInput({ alg: "None" }, sessionClaims())}.`],
    ["spelled NONE", `${signingInput({ alg: "NONE" }, sessionClaims())}.`],
  ])("is refused %s: token-invalid-algorithm", async (_name, token) => {
    expect(await reasonOf(token, local())).toBe("token-invalid-algorithm");
    const jwks = instanceJwks();
    expect(await reasonOf(token, jwks.options)).toBe("token-invalid-algorithm");
    expect(jwks.fetch).not.toHaveBeenCalled();
  });

  it("is refused with only two parts (no trailing dot): token-invalid", async () => {
    expect(await reasonOf(input, local())).toBe("token-invalid");
  });

  it("cannot win through a duplicate alg key (the last one is read)", async () => {
    const header = '{"alg":"RS256","typ":"JWT","alg":"none"}';
    const token = `${part(header)}.${part(sessionClaims())}.`;
    expect(await reasonOf(token, local())).toBe("token-invalid-algorithm");
  });
});

describe("HS256 keyed with the RSA public key (algorithm confusion)", () => {
  const der = createPublicKey(PRIMARY_PUBLIC_PEM).export({ format: "der", type: "spki" });
  const secrets: Array<[string, string | Buffer]> = [
    ["the PEM text", PRIMARY_PUBLIC_PEM],
    ["the PEM text, trimmed", PRIMARY_PUBLIC_PEM.trim()],
    ["the DER bytes", der],
  ];

  it.each(secrets)("is refused when keyed with %s: token-invalid-algorithm", async (_n, secret) => {
    for (const alg of ["HS256", "HS384", "HS512"]) {
      const input = signingInput({ alg, typ: "JWT", kid: "ins_primary" }, sessionClaims());
      const token = `${input}.${hs256(input, secret)}`;
      expect(await reasonOf(token, local())).toBe("token-invalid-algorithm");
      expect(await reasonOf(token, instanceJwks().options)).toBe("token-invalid-algorithm");
    }
  });

  it.each(secrets)("an HMAC under an RS256 header is a bad signature (%s)", async (_n, secret) => {
    const input = signingInput({ alg: "RS256", typ: "JWT", kid: "ins_primary" }, sessionClaims());
    const token = `${input}.${hs256(input, secret)}`;
    expect(await reasonOf(token, local())).toBe("token-invalid-signature");
    expect(await reasonOf(token, instanceJwks().options)).toBe("token-invalid-signature");
  });

  it.each(["ES256", "PS256", "EdDSA", "RS1", "rs256", "", 256, null])(
    "refuses alg %j: token-invalid-algorithm",
    async (alg) => {
      const input = signingInput({ alg, typ: "JWT" }, sessionClaims());
      expect(await reasonOf(`${input}.${rs256(input, PRIMARY_PRIVATE_PEM)}`, local())).toBe(
        "token-invalid-algorithm",
      );
    },
  );
});

describe("kid", () => {
  it("with a PEM key, the kid is not consulted: another instance's key never verifies", async () => {
    const forged = signToken(sessionClaims(), {
      privateKey: OTHER_PRIVATE_PEM,
      kid: "ins_primary",
    });
    expect(await reasonOf(forged, local())).toBe("token-invalid-signature");
    const renamed = signToken(sessionClaims(), { kid: "ins_anything" });
    await expect(verifyToken(renamed, local())).resolves.toMatchObject({ sub: "user_2abc" });
  });

  it("an unknown kid fails closed with the JWKS: jwk-kid-mismatch after one fetch", async () => {
    const jwks = instanceJwks();
    const token = signToken(sessionClaims(), { kid: "ins_unknown" });
    expect(await reasonOf(token, jwks.options)).toBe("jwk-kid-mismatch");
    expect(jwks.urls()).toEqual([`${INSTANCE_API}/v1/jwks`]);
  });

  it("a token without a kid is refused when the JWKS holds several keys", async () => {
    const keys = [
      ...jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary").keys,
      ...jwksOf(OTHER_PUBLIC_PEM, "ins_other").keys,
    ];
    const input = signingInput({ alg: "RS256", typ: "JWT" }, sessionClaims());
    const token = `${input}.${rs256(input, PRIMARY_PRIVATE_PEM)}`;
    expect(await reasonOf(token, instanceJwks(keys).options)).toBe("jwk-kid-mismatch");
  });

  it("a kid naming another key of the JWKS than the one that signed: token-invalid-signature", async () => {
    const keys = [
      ...jwksOf(PRIMARY_PUBLIC_PEM, "ins_primary").keys,
      ...jwksOf(OTHER_PUBLIC_PEM, "ins_other").keys,
    ];
    const pointsAtOther = signToken(sessionClaims(), { kid: "ins_other" });
    expect(await reasonOf(pointsAtOther, instanceJwks(keys).options)).toBe(
      "token-invalid-signature",
    );
    const pointsAtPrimary = signToken(sessionClaims(), {
      privateKey: OTHER_PRIVATE_PEM,
      kid: "ins_primary",
    });
    expect(await reasonOf(pointsAtPrimary, instanceJwks(keys).options)).toBe(
      "token-invalid-signature",
    );
  });

  it.each([[123], [null], [{ kid: "ins_primary" }], [["ins_primary"]]])(
    "refuses a kid that is not a string (%j): token-invalid",
    async (kid) => {
      const input = signingInput({ alg: "RS256", typ: "JWT", kid }, sessionClaims());
      const token = `${input}.${rs256(input, PRIMARY_PRIVATE_PEM)}`;
      expect(await reasonOf(token, instanceJwks().options)).toBe("token-invalid");
    },
  );

  it("a kid that looks like a path or URL is only a map key, never fetched", async () => {
    const jwks = instanceJwks();
    for (const kid of ["../../etc/passwd", `${ATTACKER}/jwks.json`, "__proto__", "constructor"]) {
      expect(await reasonOf(signToken(sessionClaims(), { kid }), jwks.options)).toBe(
        "jwk-kid-mismatch",
      );
    }
    expect(new Set(jwks.urls())).toEqual(new Set([`${INSTANCE_API}/v1/jwks`]));
  });
});

describe("keys named by the token's header (jku, x5u, jwk, x5c)", () => {
  const attackerJwk = createPublicKey(OTHER_PUBLIC_PEM).export({ format: "jwk" });
  const attackerCert = createPublicKey(OTHER_PUBLIC_PEM)
    .export({ format: "der", type: "spki" })
    .toString("base64");
  const pointers = {
    jku: `${ATTACKER}/jwks.json`,
    x5u: `${ATTACKER}/cert.pem`,
    jwk: { ...attackerJwk, kid: "ins_primary" },
    x5c: [attackerCert],
  };

  it("are ignored: a token of the instance still verifies, only with the configured key", async () => {
    const token = signToken(sessionClaims(), { header: pointers });
    await expect(verifyToken(token, local())).resolves.toMatchObject({ sub: "user_2abc" });
    const jwks = instanceJwks();
    await expect(verifyToken(token, jwks.options)).resolves.toMatchObject({ sub: "user_2abc" });
    expect(jwks.urls()).toEqual([`${INSTANCE_API}/v1/jwks`]);
  });

  it.each(Object.entries(pointers))(
    "an attacker-signed token carrying its own key in %s is refused",
    async (name, value) => {
      const token = signToken(sessionClaims(), {
        privateKey: OTHER_PRIVATE_PEM,
        header: { [name]: value },
      });
      expect(await reasonOf(token, local())).toBe("token-invalid-signature");
      const jwks = instanceJwks();
      expect(await reasonOf(token, jwks.options)).toBe("token-invalid-signature");
      expect(jwks.urls()).toEqual([`${INSTANCE_API}/v1/jwks`]);
    },
  );
});

describe("crit header (RFC 7515 §4.1.11)", () => {
  it("a token asking for extensions we do not implement is refused: token-invalid", async () => {
    for (const crit of [["b64"], ["exp"], [], "b64"]) {
      const token = signToken(sessionClaims(), { header: { crit, b64: false } });
      expect(await reasonOf(token, local())).toBe("token-invalid");
    }
  });
});

describe("stripped and tampered signatures", () => {
  const token = signToken(sessionClaims());
  const [header, payload] = token.split(".") as [string, string];

  it("a stripped signature (h.p.) is refused: token-invalid-signature", async () => {
    expect(await reasonOf(`${header}.${payload}.`, local())).toBe("token-invalid-signature");
    expect(await reasonOf(`${header}.${payload}.`, instanceJwks().options)).toBe(
      "token-invalid-signature",
    );
  });

  it.each([
    ["sub", { sub: "user_admin" }],
    ["sid", { sid: "sess_other" }],
    ["exp", { exp: NOW_S + 3600 }],
    ["azp", { azp: ATTACKER }],
    ["o (organization role)", { o: { id: "org_1", rol: "admin" } }],
  ])("a payload with %s changed and the signature kept is refused", async (_name, change) => {
    const verifier = local();
    await verifyToken(token, verifier); // cached now: the cache must not vouch for the variant
    const tampered = `${header}.${part(sessionClaims(change))}.${signatureOf(token)}`;
    expect(await reasonOf(tampered, verifier)).toBe("token-invalid-signature");
  });

  it("a header swapped for another algorithm of the family is refused", async () => {
    const rs512Header = part({ alg: "RS512", typ: "JWT", kid: "ins_primary" });
    const swapped = `${rs512Header}.${payload}.${signatureOf(token)}`;
    expect(await reasonOf(swapped, local())).toBe("token-invalid-signature");
  });

  it("a signature of another token of the same key is refused", async () => {
    const other = signToken(sessionClaims({ sub: "user_other" }));
    expect(await reasonOf(`${header}.${payload}.${signatureOf(other)}`, local())).toBe(
      "token-invalid-signature",
    );
  });

  it("only the canonical spelling of the signature verifies (no malleable last character)", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const body = token.slice(0, -1);
    const accepted: string[] = [];
    for (const last of alphabet) {
      try {
        await verifyToken(body + last, local());
        accepted.push(last);
      } catch (err) {
        expect((err as TokenVerificationError).reason).toBe("token-invalid-signature");
      }
    }
    expect(accepted).toEqual([token.slice(-1)]);
  });

  it("a truncated, extended or re-encoded signature is refused", async () => {
    const signature = signatureOf(token);
    const padded = `${Buffer.from(signature, "base64url").toString("base64")}`;
    for (const bad of [
      signature.slice(0, -4),
      `${signature}AAAA`,
      padded,
      `${signature}=`,
      signature.replace(/-/g, "+").replace(/_/g, "/"),
    ]) {
      expect(bad).not.toBe(signature);
      expect(await reasonOf(`${header}.${payload}.${bad}`, local()), bad).toBe(
        "token-invalid-signature",
      );
    }
  });
});

describe("exp, nbf and iat exactly at the skew boundary (frozen clock, skew 5 s)", () => {
  const SKEW = 5000;
  /** Verifies `claims` at `atMs` with a fresh verifier, returning "ok" or the reason. */
  async function outcome(claims: Record<string, unknown>, atMs: number): Promise<string> {
    try {
      await verifyToken(signToken(sessionClaims(claims)), local({ now: () => atMs }));
      return "ok";
    } catch (err) {
      return (err as TokenVerificationError).reason;
    }
  }
  const exp = NOW_S + 55;
  const nbf = NOW_S - 15;
  const iat = NOW_S - 5;

  it("exp: accepted up to exp + skew − 1 ms, token-expired from exp + skew", async () => {
    expect(await outcome({ exp }, exp * 1000 + SKEW - 1)).toBe("ok");
    expect(await outcome({ exp }, exp * 1000 + SKEW)).toBe("token-expired");
    expect(await outcome({ exp }, exp * 1000 + SKEW + 1)).toBe("token-expired");
  });

  it("nbf: token-not-active-yet until nbf − skew, accepted from there", async () => {
    const claims = { nbf, iat: nbf - 100 };
    expect(await outcome(claims, nbf * 1000 - SKEW - 1)).toBe("token-not-active-yet");
    expect(await outcome(claims, nbf * 1000 - SKEW)).toBe("ok");
  });

  it("iat: token-iat-in-the-future until iat − skew, accepted from there", async () => {
    const claims = { iat, nbf: undefined };
    expect(await outcome(claims, iat * 1000 - SKEW - 1)).toBe("token-iat-in-the-future");
    expect(await outcome(claims, iat * 1000 - SKEW)).toBe("ok");
  });

  it("a token that passed expires from the cache at exactly the same instant", async () => {
    let now = exp * 1000 + SKEW - 1;
    const options = local({ now: () => now });
    const token = signToken(sessionClaims({ exp }));
    await expect(verifyToken(token, options)).resolves.toMatchObject({ sub: "user_2abc" });
    now += 1;
    expect(await reasonOf(token, options)).toBe("token-expired");
  });

  it("a skew of 0 moves every boundary to the claim itself", async () => {
    const at = (ms: number) =>
      verifyToken(signToken(sessionClaims({ exp })), local({ now: () => ms, clockSkewInMs: 0 }));
    await expect(at(exp * 1000 - 1)).resolves.toMatchObject({ sub: "user_2abc" });
    await expect(at(exp * 1000)).rejects.toMatchObject({ reason: "token-expired" });
  });

  it.each([
    ["exp as a string", { exp: String(NOW_S + 60) }],
    ["exp null", { exp: null }],
    ["exp missing", { exp: undefined }],
    ["iat as a string", { iat: String(NOW_S) }],
    ["nbf as an object", { nbf: {} }],
    ["sub empty", { sub: "" }],
    ["sub a number", { sub: 42 }],
  ])("%s: token-verification-failed", async (_name, claims) => {
    expect(await reasonOf(signToken(sessionClaims(claims)), local())).toBe(
      "token-verification-failed",
    );
  });
});

describe("oversized tokens", () => {
  it("a 1 MB token is refused before any decoding and without asking for a key", async () => {
    // The header says alg none: had it been decoded, the reason would be token-invalid-algorithm.
    const header = part({ alg: "none", typ: "JWT" });
    const huge = `${header}.${"A".repeat(1024 * 1024)}.`;
    const jwks = instanceJwks();
    expect(await reasonOf(huge, jwks.options)).toBe("token-invalid");
    expect(jwks.fetch).not.toHaveBeenCalled();
    expect(await reasonOf(huge, local())).toBe("token-invalid");
  });

  it("a token just over 16 KiB is refused the same way; a validly signed one too", async () => {
    const padded = signToken(sessionClaims({ pad: "x".repeat(16 * 1024) }));
    const jwks = instanceJwks();
    expect(await reasonOf(padded, jwks.options)).toBe("token-invalid");
    expect(jwks.fetch).not.toHaveBeenCalled();
  });
});

describe("malformed parts", () => {
  const signed = (header: string, payload: string) => {
    const input = `${header}.${payload}`;
    return `${input}.${rs256(input, PRIMARY_PRIVATE_PEM)}`;
  };
  const goodHeader = part({ alg: "RS256", typ: "JWT", kid: "ins_primary" });
  const goodPayload = part(sessionClaims());

  it.each([
    ["a JSON array", "[]"],
    ["null", "null"],
    ["a string", '"RS256"'],
    ["a number", "256"],
    ["not JSON", "{alg:RS256}"],
    ["empty", ""],
    ["bytes that are not UTF-8", Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString("latin1")],
  ])("a header that is %s: token-invalid", async (_name, text) => {
    const headerPart = Buffer.from(text, "latin1").toString("base64url");
    expect(await reasonOf(signed(headerPart, goodPayload), local())).toBe("token-invalid");
  });

  it.each([
    ["a JSON array", JSON.stringify([sessionClaims()])],
    ["null", "null"],
    ["a string", '"user_2abc"'],
    ["true", "true"],
    ["not JSON", "sub=user_2abc"],
    ["bytes that are not UTF-8", Buffer.from([0xc3, 0x28, 0x7b, 0x7d]).toString("latin1")],
  ])("a signed payload that is %s: token-invalid", async (_name, text) => {
    const payloadPart = Buffer.from(text, "latin1").toString("base64url");
    expect(await reasonOf(signed(goodHeader, payloadPart), local())).toBe("token-invalid");
  });

  // Each part carries a `-` or `_`, so its standard-base64 spelling differs. A lenient decoder
  // (Node's) reads every mangled spelling below as the same bytes: only the base64url checks
  // refuse them, before the signature is looked at.
  const token = signToken(sessionClaims({ jti: "malformed~parts" }), { kid: "ins_~primary" });
  const [header = "", payload = "", signature = ""] = token.split(".");
  const standard = (text: string) => text.replace(/-/g, "+").replace(/_/g, "/");
  const spaced = (text: string) => `${text.slice(0, 8)} ${text.slice(8)}`;

  it("the parts of the token mangled below each hold a - or _", async () => {
    for (const text of [header, payload, signature]) expect(text).toMatch(/[-_]/);
    await expect(verifyToken(token, local())).resolves.toMatchObject({ jti: "malformed~parts" });
  });

  it.each([
    ["a header in standard base64", `${standard(header)}.${payload}.${signature}`],
    ["a padded header", `${header}=.${payload}.${signature}`],
    ["whitespace inside the header", `${spaced(header)}.${payload}.${signature}`],
    ["a payload in standard base64", `${header}.${standard(payload)}.${signature}`],
    ["a padded payload", `${header}.${payload}=.${signature}`],
    ["whitespace inside the payload", `${header}.${spaced(payload)}.${signature}`],
    ["four parts", `${token}.AAAA`],
    ["two parts", `${header}.${payload}`],
    ["an empty header", `.${payload}.${signature}`],
    ["a leading dot", `.${token}`],
  ])("%s: token-invalid", async (_name, mangled) => {
    expect(mangled).not.toBe(token);
    expect(await reasonOf(mangled, local())).toBe("token-invalid");
  });

  it.each([
    ["a signature in standard base64", `${header}.${payload}.${standard(signature)}`],
    ["a padded signature", `${header}.${payload}.${signature}==`],
    ["whitespace inside the signature", `${header}.${payload}.${spaced(signature)}`],
  ])("%s: token-invalid-signature", async (_name, mangled) => {
    expect(mangled).not.toBe(token);
    expect(await reasonOf(mangled, local())).toBe("token-invalid-signature");
  });

  it("a typ other than JWT is refused: token-invalid", async () => {
    for (const typ of ["at+jwt", "JWE", 1]) {
      expect(await reasonOf(signToken(sessionClaims(), { header: { typ } }), local())).toBe(
        "token-invalid",
      );
    }
  });
});

describe("authorized parties (azp)", () => {
  const parties = { authorizedParties: ["https://app.example.test"] };

  it.each([
    ["another origin", { azp: ATTACKER }],
    ["a missing azp", { azp: undefined }],
    ["an empty azp", { azp: "" }],
    ["the origin with a path", { azp: "https://app.example.test/" }],
    ["the origin in another case", { azp: "https://APP.example.test" }],
    ["an array holding the origin", { azp: ["https://app.example.test"] }],
  ])("%s: token-invalid-authorized-parties", async (_name, claims) => {
    expect(await reasonOf(signToken(sessionClaims(claims)), local(parties))).toBe(
      "token-invalid-authorized-parties",
    );
  });

  it("the listed origin passes", async () => {
    await expect(verifyToken(signToken(sessionClaims()), local(parties))).resolves.toMatchObject({
      sub: "user_2abc",
    });
  });
});

describe("a token from another instance", () => {
  const foreign = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM, kid: "ins_other" });

  it("is refused with a PEM key (token-invalid-signature) and by the JWKS (jwk-kid-mismatch)", async () => {
    expect(await reasonOf(foreign, local())).toBe("token-invalid-signature");
    expect(await reasonOf(foreign, instanceJwks().options)).toBe("jwk-kid-mismatch");
  });

  it("is refused even when it claims the instance's kid", async () => {
    const impersonating = signToken(sessionClaims(), {
      privateKey: OTHER_PRIVATE_PEM,
      kid: "ins_primary",
    });
    expect(await reasonOf(impersonating, instanceJwks().options)).toBe("token-invalid-signature");
  });
});

const PRIMARY_DER = new Uint8Array(
  createPublicKey(PRIMARY_PUBLIC_PEM).export({ format: "der", type: "spki" }),
);
const PRIMARY_PEM_MATERIAL: KeyMaterial = { format: "pem", pem: PRIMARY_PUBLIC_PEM };

describe.each([
  ["node:crypto", () => importSessionKey(PRIMARY_PEM_MATERIAL)],
  ["Web Crypto (edge runtimes)", () => importWebSessionKey(PRIMARY_PEM_MATERIAL)],
])("signature attacks with the %s key implementation", (_name, importKey) => {
  async function reason(token: string): Promise<string> {
    const imported = await importKey();
    if (!imported.ok) throw new Error("the fixture key did not import");
    const verifier = new TokenVerifier(
      { keyFor: async () => ({ ok: true, key: imported.key }) },
      16,
    );
    const verification = await verifier.verify(token, { now: () => NOW_MS });
    return verification.ok ? "accepted" : verification.error.reason;
  }
  const token = signToken(sessionClaims());
  const [header, payload] = token.split(".") as [string, string];

  it("accepts the real token and refuses stripped, tampered, foreign and HMAC signatures", async () => {
    expect(await reason(token)).toBe("accepted");
    expect(await reason(`${header}.${payload}.`)).toBe("token-invalid-signature");
    const tampered = `${header}.${part(sessionClaims({ sub: "user_admin" }))}.${signatureOf(token)}`;
    expect(await reason(tampered)).toBe("token-invalid-signature");
    const foreign = signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM });
    expect(await reason(foreign)).toBe("token-invalid-signature");
    const input = signingInput({ alg: "RS256", typ: "JWT" }, sessionClaims());
    expect(await reason(`${input}.${hs256(input, PRIMARY_PUBLIC_PEM)}`)).toBe(
      "token-invalid-signature",
    );
    expect(await reason(`${input}.${hs256(input, Buffer.from(PRIMARY_DER))}`)).toBe(
      "token-invalid-signature",
    );
  });
});
