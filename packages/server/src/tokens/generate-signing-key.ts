import { createHash, generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import type { NewSigningKey } from "../store/signing-key-store.js";

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * Generates an RSA-2048 signing key. Its `kid` is the key's RFC 7638 JWK thumbprint (base64url
 * SHA-256 of `{"e","kty","n"}`), so the same key always has the same id.
 *
 * @example
 * const key = await generateSigningKey();
 * await store.createFirstSigningKey(key);
 */
export async function generateSigningKey(): Promise<NewSigningKey> {
  const { privateKey, publicKey } = await generateRsaKeyPair("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.n !== "string" || typeof jwk.e !== "string") {
    throw new Error("The generated RSA key has no modulus/exponent.");
  }
  const thumbprint = createHash("sha256")
    .update(JSON.stringify({ e: jwk.e, kty: "RSA", n: jwk.n }))
    .digest("base64url");
  return {
    kid: `ins_${thumbprint}`,
    algorithm: "RS256",
    privateKeyPem: String(privateKey.export({ type: "pkcs8", format: "pem" })),
    publicJwk: { kty: "RSA", n: jwk.n, e: jwk.e },
  };
}
