import { compactVerify, errors, importJWK } from "jose";
import { type NodeBuiltins, type NodeKeyObject, nodeBuiltins } from "./node-builtins.js";
import { importPublicKeyPem } from "./public-key-pem.js";

/** JWS algorithms accepted for session tokens. */
export type RsaAlgorithm = "RS256" | "RS384" | "RS512";

/** Returns the algorithm when `alg` names one we accept for session tokens. */
export function asRsaAlgorithm(alg: unknown): RsaAlgorithm | undefined {
  return alg === "RS256" || alg === "RS384" || alg === "RS512" ? alg : undefined;
}

/** Where a key comes from: `jwtKey` (PEM) or one entry of the instance's JWKS. */
export type KeyMaterial = { format: "pem"; pem: string } | { format: "jwk"; jwk: JsonWebKey };

/** A Web Crypto key for one algorithm (its hash is part of the key), imported on first use. */
type CryptoKeyImport = { ok: true; key: CryptoKey } | { ok: false; cause: unknown };

/**
 * A public key that checks session-token signatures, imported once with jose. Its form depends
 * on the runtime, and says so in `runtime`:
 * - `node`: the key as a `node:crypto` `KeyObject`, checked with `crypto.verify`, synchronously;
 * - `web`: Web Crypto keys, one per algorithm, checked with jose's `compactVerify`.
 */
export type SessionKey =
  | { runtime: "node"; kid: string | undefined; keyObject: NodeKeyObject; node: NodeBuiltins }
  | {
      runtime: "web";
      kid: string | undefined;
      material: KeyMaterial;
      byAlgorithm: Map<RsaAlgorithm, Promise<CryptoKeyImport>>;
    };

/** What importing a key gave. */
export type SessionKeyImport = { ok: true; key: SessionKey } | { ok: false; cause: unknown };

/**
 * Imports an RSA public key from PEM (`importSPKI`) or a JWK (`importJWK`). Fails (as a value)
 * when the material is not an RSA public key; callers turn that into their coded error.
 */
export async function importSessionKey(
  material: KeyMaterial,
  kid?: string,
): Promise<SessionKeyImport> {
  if (!nodeBuiltins) return importWebSessionKey(material, kid);
  const imported = await importCryptoKey(material, "RS256");
  if (!imported.ok) return imported;
  try {
    const keyObject = nodeBuiltins.crypto.KeyObject.from(imported.key);
    if (keyObject.asymmetricKeyType !== "rsa") {
      return { ok: false, cause: new TypeError("not an RSA key") };
    }
    return { ok: true, key: { runtime: "node", kid, keyObject, node: nodeBuiltins } };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/** The Web Crypto form of {@link importSessionKey}, used where `node:crypto` is absent. */
export async function importWebSessionKey(
  material: KeyMaterial,
  kid?: string,
): Promise<SessionKeyImport> {
  const imported = await importCryptoKey(material, "RS256");
  if (!imported.ok) return imported;
  const byAlgorithm = new Map([["RS256" as RsaAlgorithm, Promise.resolve(imported)]]);
  return { ok: true, key: { runtime: "web", kid, material, byAlgorithm } };
}

async function importCryptoKey(material: KeyMaterial, alg: RsaAlgorithm): Promise<CryptoKeyImport> {
  if (material.format === "pem") return importPublicKeyPem(material.pem, alg);
  const { kty, n, e } = material.jwk;
  // Only the public members: `use`, `key_ops` or `alg` in a JWKS entry must not restrict import.
  if (kty !== "RSA" || typeof n !== "string" || typeof e !== "string") {
    return { ok: false, cause: new TypeError("not an RSA public JWK") };
  }
  try {
    const key = await importJWK({ kty, n, e }, alg);
    return key instanceof Uint8Array
      ? { ok: false, cause: new TypeError("not an RSA public JWK") }
      : { ok: true, key };
  } catch (cause) {
    return { ok: false, cause };
  }
}

const NODE_DIGEST_OF: Record<RsaAlgorithm, string> = {
  RS256: "sha256",
  RS384: "sha384",
  RS512: "sha512",
};

/** The outcome of a signature check: `ok: false` with a `cause` when it could not be made. */
export type SignatureCheck = { ok: true } | { ok: false; cause: unknown };

/**
 * Checks a compact JWS's signature with `node:crypto`. `signingInput` is the token's ASCII
 * `header.payload`; `signature` its third part, already checked to be canonical base64url.
 *
 * Hand-written on purpose, beside jose: on Node, jose verifies through Web Crypto, which hops to
 * the thread pool. `pnpm bench` (bench/verify-token.bench.ts) measured jose's `compactVerify` with
 * a pre-imported key at 3.0×–5.2× a raw `crypto.verify` (raw: 28–50 µs on the shared 2-core
 * machine), so the goal "a fresh token costs at most 2× a raw RSA verify" is missed with it; with
 * this check, 1.7×. Edge runtimes, which have no `node:crypto`, use jose
 * ({@link checkSignatureWithJose}).
 */
export function checkSignatureWithNode(
  key: Extract<SessionKey, { runtime: "node" }>,
  alg: RsaAlgorithm,
  signingInput: string,
  signature: string,
): SignatureCheck {
  try {
    const { crypto, Buffer } = key.node;
    const valid = crypto.verify(
      NODE_DIGEST_OF[alg],
      Buffer.from(signingInput, "latin1"),
      key.keyObject,
      Buffer.from(signature, "base64url"),
    );
    return valid ? { ok: true } : { ok: false, cause: undefined };
  } catch (cause) {
    return { ok: false, cause };
  }
}

/** Checks a compact JWS's signature with jose's `compactVerify` (edge runtimes). */
export async function checkSignatureWithJose(
  key: Extract<SessionKey, { runtime: "web" }>,
  alg: RsaAlgorithm,
  token: string,
): Promise<SignatureCheck> {
  let pending = key.byAlgorithm.get(alg);
  if (!pending) {
    pending = importCryptoKey(key.material, alg);
    key.byAlgorithm.set(alg, pending);
  }
  const imported = await pending;
  if (!imported.ok) return imported;
  try {
    await compactVerify(token, imported.key, { algorithms: [alg] });
    return { ok: true };
  } catch (cause) {
    // A signature that does not match is a plain refusal; anything else could not be checked.
    return cause instanceof errors.JWSSignatureVerificationFailed
      ? { ok: false, cause: undefined }
      : { ok: false, cause };
  }
}
