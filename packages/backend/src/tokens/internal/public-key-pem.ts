import { importSPKI } from "jose";

const ARMOUR_START = "-----BEGIN PUBLIC KEY-----";
const ARMOUR_END = "-----END PUBLIC KEY-----";

/**
 * The one place that reads PEM public keys (`jwtKey` / `CLERK_JWT_KEY`). Env files often hold the
 * key on one line with `\n` escapes, or only its base64 body; this gives the armoured SPKI text
 * jose's `importSPKI` takes, or `undefined` when the text cannot be a public key (a private key,
 * characters outside base64). The real check is {@link importPublicKeyPem}; this is the part that
 * can answer at once, for configuration that must fail at startup.
 */
export function publicKeyPemOf(text: string): string | undefined {
  const unescaped = text.replace(/\\n/g, "\n").trim();
  if (unescaped.includes("PRIVATE KEY")) return undefined;
  const body = unescaped.replace(ARMOUR_START, "").replace(ARMOUR_END, "").replace(/\s+/g, "");
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const lines = body.match(/.{1,64}/g) ?? [];
  return `${ARMOUR_START}\n${lines.join("\n")}\n${ARMOUR_END}\n`;
}

/** What importing a PEM public key gave. */
export type PemImport = { ok: true; key: CryptoKey } | { ok: false; cause: unknown };

/**
 * Imports a PEM public key for `alg` with jose's `importSPKI` (which parses the DER and refuses
 * anything that is not a key of `alg`'s type).
 */
export async function importPublicKeyPem(text: string, alg: string): Promise<PemImport> {
  const pem = publicKeyPemOf(text);
  if (pem === undefined) return { ok: false, cause: new TypeError("not a PEM public key") };
  try {
    return { ok: true, key: await importSPKI(pem, alg) };
  } catch (cause) {
    return { ok: false, cause };
  }
}
