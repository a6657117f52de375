import { type KeyObject, sign } from "node:crypto";

/**
 * Signs a Clerk-shaped session token (RS256, kid `ins_bench`) for the benchmarks: valid for an
 * hour, for the fixed bench user and session, with the given issuer and authorized party (and a
 * `jti` when the caller needs every token to differ).
 *
 * @example
 * const token = mintSessionToken(privateKey, { issuer: "https://clerk.localhost", azp: origin });
 */
export function mintSessionToken(
  privateKey: KeyObject,
  options: { issuer: string; azp: string; jti?: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", kid: "ins_bench", typ: "JWT" };
  const claims = {
    azp: options.azp,
    exp: now + 3600,
    fva: [0, -1],
    iat: now - 1,
    iss: options.issuer,
    ...(options.jti === undefined ? {} : { jti: options.jti }),
    nbf: now - 11,
    sid: "sess_2benchmark0000000000000000",
    sts: "active",
    sub: "user_2benchmark0000000000000000",
    v: 2,
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}
