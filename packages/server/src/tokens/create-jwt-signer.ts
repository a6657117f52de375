import { createHmac, type KeyObject, sign } from "node:crypto";

/** JWS algorithms the server signs with. */
export type JwtAlgorithm = "RS256" | "RS384" | "RS512" | "HS256" | "HS384" | "HS512";

const HASH: Record<JwtAlgorithm, "sha256" | "sha384" | "sha512"> = {
  RS256: "sha256",
  RS384: "sha384",
  RS512: "sha512",
  HS256: "sha256",
  HS384: "sha384",
  HS512: "sha512",
};

/** Turns claims into a compact JWS; the header is fixed when the signer is made. */
export type JwtSigner = (claims: Record<string, unknown>) => string;

/** Base64url of a value's JSON. */
export function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * Makes a signer for one key: the header (`{ alg, kid?, typ: "JWT" }`) is encoded once and the
 * key is an already-imported `KeyObject` (RSA private key for RS*, secret key for HS*), so each
 * token costs one JSON encoding and one `node:crypto` signature.
 *
 * @example
 * const signer = createJwtSigner("RS256", privateKey, "kid_1");
 * const jwt = signer({ sub: "user_1", exp: 1_700_000_060 });
 */
export function createJwtSigner(algorithm: JwtAlgorithm, key: KeyObject, kid?: string): JwtSigner {
  const header = base64UrlJson(
    kid === undefined ? { alg: algorithm, typ: "JWT" } : { alg: algorithm, kid, typ: "JWT" },
  );
  const hash = HASH[algorithm];
  const hmac = algorithm.startsWith("HS");
  return (claims) => {
    const input = `${header}.${base64UrlJson(claims)}`;
    const signature = hmac
      ? createHmac(hash, key).update(input).digest()
      : sign(hash, Buffer.from(input), key);
    return `${input}.${signature.toString("base64url")}`;
  };
}
