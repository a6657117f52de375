import { decodeBase64Url } from "./base64url.js";
import { type NodeBuiltins, nodeBuiltins } from "./node-builtins.js";

const ascii = new TextEncoder();

/** JWS algorithms accepted for session tokens. */
export type RsaAlgorithm = "RS256" | "RS384" | "RS512";

const HASH_OF: Record<RsaAlgorithm, "SHA-256" | "SHA-384" | "SHA-512"> = {
  RS256: "SHA-256",
  RS384: "SHA-384",
  RS512: "SHA-512",
};

const NODE_DIGEST_OF: Record<RsaAlgorithm, string> = {
  RS256: "sha256",
  RS384: "sha384",
  RS512: "sha512",
};

/** Returns the algorithm when `alg` names one we accept for session tokens. */
export function asRsaAlgorithm(alg: unknown): RsaAlgorithm | undefined {
  return alg === "RS256" || alg === "RS384" || alg === "RS512" ? alg : undefined;
}

/** An RSA public key, imported once, that checks RS256/384/512 signatures. */
export interface RsaPublicKey {
  readonly kid: string | undefined;
  /**
   * Checks `signature` (base64url, already checked to be in the alphabet) over `signingInput`
   * (the ASCII `header.payload` of a JWS). Synchronous where the runtime allows.
   */
  verify(alg: RsaAlgorithm, signingInput: string, signature: string): boolean | Promise<boolean>;
}

type KeyMaterial = { format: "jwk"; key: JsonWebKey } | { format: "spki"; key: Uint8Array };

/**
 * Imports an RSA public key from a JWK or SPKI DER. Throws a plain `Error` when the material is
 * not an RSA public key; callers translate it into their coded error.
 */
export function importRsaPublicKey(material: KeyMaterial, kid?: string): RsaPublicKey {
  if (material.format === "jwk" && material.key.kty !== "RSA") {
    throw new Error("not an RSA key");
  }
  // Web Crypto's verify costs ~3× a synchronous RSA check in Node (it hops to the thread pool),
  // so on Node we verify with the native one-shot call.
  if (nodeBuiltins) return importWithNode(nodeBuiltins, material, kid);
  return importWithWebCrypto(material, kid);
}

function importWithNode(
  { crypto, Buffer, scratch }: NodeBuiltins,
  material: KeyMaterial,
  kid?: string,
): RsaPublicKey {
  const jwk = material.format === "jwk" ? pickPublicRsaJwk(material.key) : undefined;
  const keyObject = jwk
    ? crypto.createPublicKey({ key: jwk, format: "jwk" })
    : crypto.createPublicKey({ key: material.key as Uint8Array, format: "der", type: "spki" });
  if (keyObject.asymmetricKeyType !== "rsa") throw new Error("not an RSA key");
  return {
    kid,
    verify: (alg, signingInput, signature) => {
      if (signingInput.length + signature.length > scratch.length) {
        return crypto.verify(
          NODE_DIGEST_OF[alg],
          Buffer.from(signingInput, "latin1"),
          keyObject,
          Buffer.from(signature, "base64url"),
        );
      }
      // Both decoded into one reused buffer: the check is synchronous, so nothing else writes to
      // it meanwhile, and no buffer is allocated per token.
      const inputEnd = scratch.write(signingInput, 0, "latin1");
      const signatureEnd = inputEnd + scratch.write(signature, inputEnd, "base64url");
      return crypto.verify(
        NODE_DIGEST_OF[alg],
        scratch.subarray(0, inputEnd),
        keyObject,
        scratch.subarray(inputEnd, signatureEnd),
      );
    },
  };
}

/** The Web Crypto import, used where `node:crypto` is absent (exported for its own tests). */
export function importWithWebCrypto(material: KeyMaterial, kid?: string): RsaPublicKey {
  const imported = new Map<RsaAlgorithm, Promise<CryptoKey>>();
  const keyFor = (alg: RsaAlgorithm): Promise<CryptoKey> => {
    let key = imported.get(alg);
    if (!key) {
      const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: HASH_OF[alg] };
      key =
        material.format === "jwk"
          ? crypto.subtle.importKey(
              "jwk",
              { ...pickPublicRsaJwk(material.key), alg },
              algorithm,
              false,
              ["verify"],
            )
          : crypto.subtle.importKey("spki", material.key as BufferSource, algorithm, false, [
              "verify",
            ]);
      imported.set(alg, key);
    }
    return key;
  };
  return {
    kid,
    verify: async (alg, signingInput, signature) => {
      const signatureBytes = decodeBase64Url(signature);
      if (!signatureBytes) return false;
      return crypto.subtle.verify(
        "RSASSA-PKCS1-v1_5",
        await keyFor(alg),
        signatureBytes as BufferSource,
        ascii.encode(signingInput) as BufferSource,
      );
    },
  };
}

/** Keeps only the public members, so `use`/`key_ops`/`alg` in a JWKS entry cannot restrict import. */
function pickPublicRsaJwk(jwk: JsonWebKey): JsonWebKey {
  if (typeof jwk.n !== "string" || typeof jwk.e !== "string") throw new Error("not an RSA key");
  return { kty: "RSA", n: jwk.n, e: jwk.e };
}
