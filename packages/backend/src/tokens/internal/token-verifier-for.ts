import { TokenVerificationError } from "../token-verification-error.js";
import type { VerifyTokenOptions } from "../verify-token-options.js";
import { JwksKeySource } from "./jwks-key-source.js";
import { LocalKeySource } from "./local-key-source.js";
import { TokenVerifier } from "./token-verifier.js";

const DEFAULT_API_URL = "https://api.clerk.com";
const DEFAULT_API_VERSION = "v1";
const VERIFIED_TOKEN_CACHE_CAPACITY = 10_000;
const MAX_SHARED_VERIFIERS = 64;

const byOptionsObject = new WeakMap<VerifyTokenOptions, TokenVerifier>();
const byConfiguration = new Map<string, TokenVerifier>();

/**
 * The verifier for a set of options, made once. Callers that pass the same options object (the
 * middleware does) pay one WeakMap lookup; equal options in new objects share a verifier by value,
 * so keys, JWKS and verified tokens are cached across calls. Options with their own `fetch` or
 * clock are only shared by object identity, since functions cannot be compared by value.
 */
export function tokenVerifierFor(options: VerifyTokenOptions): TokenVerifier {
  const known = byOptionsObject.get(options);
  if (known) return known;

  const shareable = options.fetch === undefined && options.now === undefined;
  const key = shareable ? configurationKey(options) : undefined;
  let verifier = key === undefined ? undefined : byConfiguration.get(key);
  if (!verifier) {
    verifier = createVerifier(options);
    if (key !== undefined) {
      if (byConfiguration.size >= MAX_SHARED_VERIFIERS) byConfiguration.clear();
      byConfiguration.set(key, verifier);
    }
  }
  byOptionsObject.set(options, verifier);
  return verifier;
}

function createVerifier(options: VerifyTokenOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  let keySource: LocalKeySource | JwksKeySource;
  if (options.jwtKey) {
    keySource = new LocalKeySource(options.jwtKey);
  } else if (options.secretKey) {
    keySource = new JwksKeySource({
      apiUrl: options.apiUrl ?? DEFAULT_API_URL,
      apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
      secretKey: options.secretKey,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      now,
      ttlMs: options.jwksCacheTtlInMs ?? 5 * 60_000,
      minRefetchIntervalMs: options.jwksRefetchIntervalInMs ?? 30_000,
    });
  } else {
    throw new TokenVerificationError(
      "jwk-failed-to-resolve",
      "No key to verify tokens with: set jwtKey (CLERK_JWT_KEY) or secretKey (CLERK_SECRET_KEY).",
    );
  }
  const audience = options.audience;
  return new TokenVerifier({
    keySource,
    authorizedParties: options.authorizedParties,
    audience: audience === undefined ? undefined : Array.isArray(audience) ? audience : [audience],
    clockSkewMs: options.clockSkewInMs ?? 5000,
    now,
    cacheCapacity: VERIFIED_TOKEN_CACHE_CAPACITY,
  });
}

function configurationKey(options: VerifyTokenOptions): string {
  return JSON.stringify([
    options.jwtKey ?? null,
    options.jwtKey ? null : (options.secretKey ?? null),
    options.apiUrl ?? DEFAULT_API_URL,
    options.apiVersion ?? DEFAULT_API_VERSION,
    options.authorizedParties ?? null,
    options.audience ?? null,
    options.clockSkewInMs ?? 5000,
    options.jwksCacheTtlInMs ?? null,
    options.jwksRefetchIntervalInMs ?? null,
  ]);
}
