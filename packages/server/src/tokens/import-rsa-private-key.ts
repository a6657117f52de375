import { createPrivateKey, type KeyObject } from "node:crypto";

/**
 * RSA modulus sizes accepted, in bits. Below 2048 is too weak to sign with; above 4096 each
 * signature costs seconds-scale CPU on the request that mints it (16384 bits is ~500× 2048).
 */
export const RSA_MODULUS_BITS = { min: 2048, max: 4096 } as const;

/** The outcome of {@link importRsaPrivateKey}: the key, or why the text is not one. */
export type RsaPrivateKeyImport =
  | { ok: true; key: KeyObject }
  | { ok: false; reason: "not-a-private-key" | "not-rsa" | "unsupported-size" };

/**
 * The one place the instance reads a PEM private key (its own signing keys, and a JWT template's
 * RS* key): PKCS#8 or PKCS#1 text, accepted only when it holds an RSA key of
 * {@link RSA_MODULUS_BITS}.
 */
export function importRsaPrivateKey(pem: string): RsaPrivateKeyImport {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    return { ok: false, reason: "not-a-private-key" };
  }
  if (key.asymmetricKeyType !== "rsa") return { ok: false, reason: "not-rsa" };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < RSA_MODULUS_BITS.min || bits > RSA_MODULUS_BITS.max) {
    return { ok: false, reason: "unsupported-size" };
  }
  return { ok: true, key };
}
