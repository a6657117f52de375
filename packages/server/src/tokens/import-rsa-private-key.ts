import { createPrivateKey, type KeyObject } from "node:crypto";

/** The outcome of {@link importRsaPrivateKey}: the key, or why the text is not one. */
export type RsaPrivateKeyImport =
  | { ok: true; key: KeyObject }
  | { ok: false; reason: "not-a-private-key" | "not-rsa" };

/**
 * The one place the instance reads a PEM private key (its own signing keys, and a JWT template's
 * RS* key): PKCS#8 or PKCS#1 text, accepted only when it holds an RSA key.
 */
export function importRsaPrivateKey(pem: string): RsaPrivateKeyImport {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return { ok: false, reason: "not-a-private-key" };
  }
  if (key.asymmetricKeyType !== "rsa") return { ok: false, reason: "not-rsa" };
  return { ok: true, key };
}
