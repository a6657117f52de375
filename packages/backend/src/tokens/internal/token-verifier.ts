import { decodeJwt, decodeProtectedHeader } from "jose";
import type { JwtPayload } from "../jwt-payload.js";
import { TokenVerificationError } from "../token-verification-error.js";
import { type ClaimChecks, checkClaims } from "./check-claims.js";
import type { KeySource } from "./key-source.js";
import { type NodeBuiltins, nodeBuiltins } from "./node-builtins.js";
import {
  asRsaAlgorithm,
  checkSignatureWithJose,
  checkSignatureWithNode,
  type RsaAlgorithm,
  type SignatureCheck,
} from "./session-key.js";
import { type VerifiedToken, VerifiedTokenCache } from "./verified-token-cache.js";

/** Tokens longer than this are refused before any decoding (a session token is ~1 KB). */
export const MAX_TOKEN_LENGTH = 16 * 1024;

/** A token's claims, or why it was refused. */
export type Verification =
  | { ok: true; claims: JwtPayload }
  | { ok: false; error: TokenVerificationError };

/**
 * What {@link TokenVerifier.verifyCached} knows without waiting: `settled` with the very
 * {@link Verification} that {@link TokenVerifier.verify} would give, when the token's signature
 * was verified before; `settled: false` when only a signature check (and perhaps a key fetch) can
 * tell.
 */
export type CachedVerification = { settled: true; verification: Verification } | { settled: false };

const NOT_SETTLED: CachedVerification = { settled: false };

/**
 * Verifies session tokens signed by one key (a PEM key, or one instance's JWKS), and remembers
 * the ones whose signature verified: the same token string again costs a map lookup, not a
 * signature check. What depends on the caller (authorized parties, audience, the clock) is
 * checked on every call from that call's {@link ClaimChecks}, cached or not; the cache holds
 * only signature-verified, well-formed payloads.
 */
export class TokenVerifier {
  private readonly cache: VerifiedTokenCache;

  constructor(
    private readonly keySource: KeySource,
    cacheCapacity: number,
  ) {
    this.cache = new VerifiedTokenCache(cacheCapacity);
  }

  /**
   * The verification of a token whose signature verified before (its claims checked against
   * `checks` now, as {@link verify} checks them); not settled for any other token.
   */
  verifyCached(token: string, checks: ClaimChecks): CachedVerification {
    const cached = this.cache.get(token);
    return cached === undefined
      ? NOT_SETTLED
      : { settled: true, verification: checkClaims(cached, checks) };
  }

  /** The token's claims when it verifies and passes `checks`; a coded error otherwise. */
  async verify(token: string, checks: ClaimChecks): Promise<Verification> {
    const cached = this.verifyCached(token, checks);
    if (cached.settled) return cached.verification;

    const parsed = parseCompactJws(token);
    if (!parsed.ok) return parsed;
    const found = await this.keySource.keyFor(parsed.kid);
    if (!found.ok) return found;
    const key = found.key;
    const signature: SignatureCheck =
      key.runtime === "node"
        ? checkSignatureWithNode(key, parsed.alg, parsed.signingInput, parsed.signature)
        : await checkSignatureWithJose(key, parsed.alg, token);
    if (!signature.ok) return { ok: false, error: badSignature(signature.cause) };

    const verified = wellFormed(token, parsed.payload);
    if (!verified.ok) return verified;
    this.cache.set(verified.entry);
    return checkClaims(verified.entry, checks);
  }
}

type Parsed =
  | {
      ok: true;
      alg: RsaAlgorithm;
      kid: string | undefined;
      payload: Record<string, unknown>;
      signingInput: string;
      signature: string;
    }
  | { ok: false; error: TokenVerificationError };

const BASE64URL_TEXT = /^[A-Za-z0-9_-]+$/;

/**
 * Splits and decodes a compact JWS (with jose's decoders), refusing anything malformed before
 * any key is looked up. The strict base64url checks come first: decoders ignore padding,
 * whitespace and the other alphabet, and a token has one spelling only.
 */
function parseCompactJws(token: string): Parsed {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return invalid("The token is empty or too long.");
  }
  const firstDot = token.indexOf(".");
  const secondDot = token.indexOf(".", firstDot + 1);
  if (firstDot <= 0 || secondDot < 0 || token.indexOf(".", secondDot + 1) !== -1) {
    return invalid("The token is not a compact JWS (three dot-separated parts).");
  }
  const header = readHeader(token, token.slice(0, firstDot));
  if (!header.ok) return header;
  if (!BASE64URL_TEXT.test(token.slice(firstDot + 1, secondDot))) {
    return invalid("The token's payload is not base64url.");
  }
  const payload = decodePayload(token, token.slice(firstDot + 1, secondDot));
  if (payload === undefined) {
    return invalid("The token's payload is not a base64url-encoded JSON object.");
  }
  const signature = token.slice(secondDot + 1);
  if (
    signature.length % 4 === 1 ||
    !BASE64URL_TEXT.test(signature) ||
    !hasCanonicalTail(signature)
  ) {
    return { ok: false, error: badSignature(undefined) };
  }
  return {
    ok: true,
    alg: header.alg,
    kid: header.kid,
    payload,
    signingInput: token.slice(0, secondDot),
    signature,
  };
}

/**
 * The payload of a compact JWS as a JSON object, or `undefined`. jose's `decodeJwt` does it
 * everywhere but on Node, where `Buffer` decodes base64url natively.
 *
 * Hand-written on purpose: with `decodeJwt` on Node, `pnpm bench` (bench/verify-token.bench.ts,
 * on the shared 2-core machine) missed the goal "a fresh token costs at most 2× a raw RSA verify":
 * a cookie cache miss took 2.17× and 2.49× raw `crypto.verify` in two runs; with `Buffer`, 1.70×.
 * In a CPU profile of cache misses `decodeJwt` and its base64 decoder took ~13% of the time.
 */
const decodePayload: (token: string, part: string) => Record<string, unknown> | undefined =
  nodeBuiltins === undefined
    ? (token) => {
        try {
          return decodeJwt(token);
        } catch {
          return undefined;
        }
      }
    : (_token, part) => {
        try {
          const value: unknown = JSON.parse(
            (nodeBuiltins as NodeBuiltins).Buffer.from(part, "base64url").toString(),
          );
          return value !== null && typeof value === "object" && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : undefined;
        } catch {
          return undefined;
        }
      };

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * True when the unused low bits of the last base64url character are zero. Decoders ignore those
 * bits, so without this check one signature could be written 4 or 16 ways: distinct token strings
 * that all verify. Only the canonical spelling is accepted.
 */
function hasCanonicalTail(text: string): boolean {
  const tail = text.length % 4;
  if (tail === 0) return true;
  const value = BASE64URL.indexOf(text.charAt(text.length - 1));
  return (value & (tail === 2 ? 0b1111 : 0b11)) === 0;
}

type Header = { ok: true; alg: RsaAlgorithm; kid: string | undefined };

/** Accepted headers by their encoded text: an instance has one or two, so each is parsed once. */
const acceptedHeaders = new Map<string, Header>();
const MAX_REMEMBERED_HEADERS = 32;

function readHeader(
  token: string,
  segment: string,
): Header | { ok: false; error: TokenVerificationError } {
  const known = acceptedHeaders.get(segment);
  if (known) return known;
  if (!BASE64URL_TEXT.test(segment)) return invalid("The token's header is not base64url.");
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return invalid("The token's header is not a base64url-encoded JSON object.");
  }
  const alg = asRsaAlgorithm(header.alg);
  if (!alg) {
    return {
      ok: false,
      error: new TokenVerificationError(
        "token-invalid-algorithm",
        "The token's algorithm is not one of RS256, RS384, RS512.",
      ),
    };
  }
  if (header.typ !== undefined && header.typ !== "JWT") {
    return invalid("The token's typ header is not JWT.");
  }
  if (header.kid !== undefined && typeof header.kid !== "string") {
    return invalid("The token's kid header is not a string.");
  }
  // RFC 7515 §4.1.11: a token naming critical extensions (e.g. `b64: false`) that we do not
  // implement must be refused; session tokens never carry any.
  if (header.crit !== undefined) {
    return invalid("The token's header lists critical extensions (crit) that are not supported.");
  }
  if (acceptedHeaders.size >= MAX_REMEMBERED_HEADERS) acceptedHeaders.clear();
  const accepted: Header = { ok: true, alg, kid: header.kid };
  acceptedHeaders.set(segment, accepted);
  return accepted;
}

/** Claims every session token must have, whoever asks: checked once, before caching. */
function wellFormed(
  token: string,
  payload: Record<string, unknown>,
): { ok: true; entry: VerifiedToken } | { ok: false; error: TokenVerificationError } {
  const { sub, exp, iat, nbf } = payload;
  if (typeof sub !== "string" || sub.length === 0) {
    return failed("The token has no subject (sub) claim.");
  }
  if (!isTime(exp)) return failed("The token has no valid expiry (exp) claim.");
  if (iat !== undefined && !isTime(iat)) return failed("The token's iat claim is not a number.");
  if (nbf !== undefined && !isTime(nbf)) return failed("The token's nbf claim is not a number.");
  return {
    ok: true,
    entry: {
      token,
      payload: payload as JwtPayload,
      expMs: exp * 1000,
      nbfMs: isTime(nbf) ? nbf * 1000 : Number.NEGATIVE_INFINITY,
      iatMs: isTime(iat) ? iat * 1000 : Number.NEGATIVE_INFINITY,
    },
  };
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function invalid(message: string): { ok: false; error: TokenVerificationError } {
  return { ok: false, error: new TokenVerificationError("token-invalid", message) };
}

function failed(message: string): { ok: false; error: TokenVerificationError } {
  return { ok: false, error: new TokenVerificationError("token-verification-failed", message) };
}

/** A signature that did not verify; `cause` set when it could not even be checked. */
function badSignature(cause: unknown): TokenVerificationError {
  return cause === undefined
    ? new TokenVerificationError("token-invalid-signature", "The token's signature is invalid.")
    : new TokenVerificationError(
        "token-invalid-signature",
        "The token's signature could not be checked.",
        { cause },
      );
}
