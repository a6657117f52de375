import { TokenVerificationError } from "../token-verification-error.js";
import type { VerifyTokenOptions } from "../verify-token-options.js";
import { JwksKeySource } from "./jwks-key-source.js";
import { LocalKeySource } from "./local-key-source.js";
import { TokenVerifier } from "./token-verifier.js";

const DEFAULT_API_URL = "https://api.clerk.com";
const DEFAULT_API_VERSION = "v1";
const VERIFIED_TOKEN_CACHE_CAPACITY = 10_000;
const MAX_VERIFIERS = 64;

type Verifiers = Map<string, TokenVerifier>;

/** PEM key text → its verifier. */
const byJwtKey: Verifiers = new Map();
/** Secret key, API URL, version and JWKS timings → the verifier of that instance's JWKS. */
const byInstance: Verifiers = new Map();
/** The same, for options bringing their own `fetch` or clock (functions compare by identity). */
const byFunctions = new WeakMap<object, WeakMap<object, Verifiers>>();

/**
 * The verifier for the key material of `options`, made once and kept: the imported key (or the
 * instance's JWKS) and the cache of signature-verified tokens. It is found by the key material
 * alone (`jwtKey`, or `secretKey` + `apiUrl` + `apiVersion`), never by the per-call checks
 * (`authorizedParties`, `audience`, clock skew), which {@link TokenVerifier.verify} takes from
 * each call's options. So options made afresh per call cost one map lookup by a string that is
 * usually the very same string object (its hash is kept by the engine).
 *
 * @throws {TokenVerificationError} `jwk-failed-to-resolve` when neither `jwtKey` nor
 *   `secretKey` is set (bad configuration is loud).
 */
export function tokenVerifierFor(options: VerifyTokenOptions): TokenVerifier {
  const { jwtKey } = options;
  if (jwtKey) {
    let verifier = byJwtKey.get(jwtKey);
    if (verifier === undefined) {
      verifier = new TokenVerifier(new LocalKeySource(jwtKey), VERIFIED_TOKEN_CACHE_CAPACITY);
      remember(byJwtKey, jwtKey, verifier);
    }
    return verifier;
  }
  const { secretKey } = options;
  if (!secretKey) {
    throw new TokenVerificationError(
      "jwk-failed-to-resolve",
      "No key to verify tokens with: set jwtKey (CLERK_JWT_KEY) or secretKey (CLERK_SECRET_KEY).",
    );
  }
  const apiUrl = options.apiUrl ?? DEFAULT_API_URL;
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const ttlMs = options.jwksCacheTtlInMs ?? 5 * 60_000;
  const minRefetchIntervalMs = options.jwksRefetchIntervalInMs ?? 30_000;
  const key = `${secretKey}\n${apiUrl}\n${apiVersion}\n${ttlMs}\n${minRefetchIntervalMs}`;
  const verifiers = verifiersFor(options);
  let verifier = verifiers.get(key);
  if (verifier === undefined) {
    const keySource = new JwksKeySource({
      apiUrl,
      apiVersion,
      secretKey,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      now: options.now ?? Date.now,
      ttlMs,
      minRefetchIntervalMs,
    });
    verifier = new TokenVerifier(keySource, VERIFIED_TOKEN_CACHE_CAPACITY);
    remember(verifiers, key, verifier);
  }
  return verifier;
}

/** Where the JWKS verifiers of `options` live: shared, or per `fetch` and clock function. */
function verifiersFor(options: VerifyTokenOptions): Verifiers {
  if (options.fetch === undefined && options.now === undefined) return byInstance;
  const fetchKey: object = options.fetch ?? byInstance;
  const nowKey: object = options.now ?? byInstance;
  let byNow = byFunctions.get(fetchKey);
  if (byNow === undefined) {
    byNow = new WeakMap();
    byFunctions.set(fetchKey, byNow);
  }
  let verifiers = byNow.get(nowKey);
  if (verifiers === undefined) {
    verifiers = new Map();
    byNow.set(nowKey, verifiers);
  }
  return verifiers;
}

function remember(verifiers: Verifiers, key: string, verifier: TokenVerifier): void {
  if (verifiers.size >= MAX_VERIFIERS) verifiers.clear();
  verifiers.set(key, verifier);
}
