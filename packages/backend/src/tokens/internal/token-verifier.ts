import type { JwtHeader, JwtPayload } from "../jwt-payload.js";
import { TokenVerificationError } from "../token-verification-error.js";
import { decodeBase64Url } from "./base64url.js";
import type { KeySource } from "./jwks-key-source.js";
import { type NodeBufferInstance, nodeBuiltins } from "./node-builtins.js";
import { asRsaAlgorithm, type RsaAlgorithm, type RsaPublicKey } from "./rsa-public-key.js";
import { type VerifiedToken, VerifiedTokenCache } from "./verified-token-cache.js";

/** Tokens longer than this are refused before any decoding (a session token is ~1 KB). */
export const MAX_TOKEN_LENGTH = 16 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Everything that decides whether a token is accepted; fixed for the verifier's lifetime. */
export interface TokenVerifierConfig {
  keySource: KeySource;
  authorizedParties: readonly string[] | undefined;
  audience: readonly string[] | undefined;
  clockSkewMs: number;
  now: () => number;
  cacheCapacity: number;
}

/**
 * Verifies session tokens for one configuration, and remembers the ones that passed: the same
 * token string again costs a map lookup and three clock comparisons, not a signature check.
 * Time-dependent claims are checked on every call, so a cached token still expires.
 */
export class TokenVerifier {
  private readonly cache: VerifiedTokenCache;
  private readonly authorizedParties: ReadonlySet<string> | undefined;

  constructor(private readonly config: TokenVerifierConfig) {
    this.cache = new VerifiedTokenCache(config.cacheCapacity);
    this.authorizedParties =
      config.authorizedParties && config.authorizedParties.length > 0
        ? new Set(config.authorizedParties)
        : undefined;
  }

  /**
   * Returns the token's claims, or throws a {@link TokenVerificationError}. Synchronous when the
   * token is cached or the key and signature check are (Node with a known key); a promise
   * otherwise. Callers `await` the result either way.
   */
  verify(token: string): JwtPayload | Promise<JwtPayload> {
    const cached = this.cache.get(token);
    if (cached !== undefined) {
      this.assertCurrent(cached);
      return cached.payload;
    }
    const parsed = parseCompactJws(token);
    const key = this.config.keySource.getKey(parsed.kid);
    if (key instanceof Promise) return key.then((k) => this.checkSignature(token, parsed, k));
    return this.checkSignature(token, parsed, key);
  }

  private checkSignature(
    token: string,
    parsed: ParsedJws,
    key: RsaPublicKey,
  ): JwtPayload | Promise<JwtPayload> {
    let valid: boolean | Promise<boolean>;
    try {
      valid = key.verify(parsed.alg, token.slice(0, parsed.signatureStart - 1), parsed.signature);
    } catch (cause) {
      throw unverifiable(cause);
    }
    if (valid instanceof Promise) {
      return valid.then(
        (ok) => this.accept(token, parsed, ok),
        (cause: unknown) => {
          throw unverifiable(cause);
        },
      );
    }
    return this.accept(token, parsed, valid);
  }

  private accept(token: string, parsed: ParsedJws, valid: boolean): JwtPayload {
    if (!valid) throw badSignature();
    const verified = this.checkStaticClaims(token, parsed.payload);
    this.assertCurrent(verified);
    this.cache.set(verified);
    return verified.payload;
  }

  /** Claims that do not depend on the clock: checked once, before caching. */
  private checkStaticClaims(token: string, payload: Record<string, unknown>): VerifiedToken {
    const { sub, exp, iat, nbf, azp, aud } = payload;
    if (typeof sub !== "string" || sub.length === 0) {
      throw failed("The token has no subject (sub) claim.");
    }
    if (!isTime(exp)) throw failed("The token has no valid expiry (exp) claim.");
    if (iat !== undefined && !isTime(iat)) throw failed("The token's iat claim is not a number.");
    if (nbf !== undefined && !isTime(nbf)) throw failed("The token's nbf claim is not a number.");
    if (this.authorizedParties && (typeof azp !== "string" || !this.authorizedParties.has(azp))) {
      throw new TokenVerificationError(
        "token-invalid-authorized-parties",
        "The token's authorized party (azp) is not one of the authorizedParties.",
      );
    }
    const audience = this.config.audience;
    if (audience && audience.length > 0) {
      const granted = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
      if (!granted.some((value) => audience.includes(value as string))) {
        throw failed("The token's audience (aud) does not match.");
      }
    }
    return {
      token,
      payload: payload as JwtPayload,
      expMs: exp * 1000,
      nbfMs: isTime(nbf) ? nbf * 1000 : Number.NEGATIVE_INFINITY,
      iatMs: isTime(iat) ? iat * 1000 : Number.NEGATIVE_INFINITY,
    };
  }

  /** Claims that depend on the clock: checked on every use, cached or not. */
  private assertCurrent(entry: VerifiedToken): void {
    const now = this.config.now();
    const skew = this.config.clockSkewMs;
    if (entry.expMs <= now - skew) {
      throw new TokenVerificationError("token-expired", "The token has expired.");
    }
    if (entry.nbfMs > now + skew) {
      throw new TokenVerificationError(
        "token-not-active-yet",
        "The token is not active yet (nbf).",
      );
    }
    if (entry.iatMs > now + skew) {
      throw new TokenVerificationError(
        "token-iat-in-the-future",
        "The token was issued in the future (iat).",
      );
    }
  }
}

interface ParsedJws {
  alg: RsaAlgorithm;
  kid: string | undefined;
  payload: Record<string, unknown>;
  signature: string;
  signatureStart: number;
}

const BASE64URL_TEXT = /^[A-Za-z0-9_-]+$/;

/** Splits and decodes a compact JWS, refusing anything malformed before any key is looked up. */
function parseCompactJws(token: string): ParsedJws {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw invalid("The token is empty or too long.");
  }
  const firstDot = token.indexOf(".");
  const secondDot = token.indexOf(".", firstDot + 1);
  if (firstDot <= 0 || secondDot < 0 || token.indexOf(".", secondDot + 1) !== -1) {
    throw invalid("The token is not a compact JWS (three dot-separated parts).");
  }
  const { alg, kid } = readHeader(token.slice(0, firstDot));
  const payloadPart = token.slice(firstDot + 1, secondDot);
  if (!BASE64URL_TEXT.test(payloadPart)) {
    throw invalid("The token's payload is not base64url.");
  }
  const payload = parseJsonPart(payloadPart, "payload");
  const signature = token.slice(secondDot + 1);
  if (
    signature.length % 4 === 1 ||
    !BASE64URL_TEXT.test(signature) ||
    !hasCanonicalTail(signature)
  ) {
    throw badSignature();
  }
  return { alg, kid, payload, signature, signatureStart: secondDot + 1 };
}

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

/** Accepted headers by their encoded text: an instance has one or two, so each is parsed once. */
const acceptedHeaders = new Map<string, { alg: RsaAlgorithm; kid: string | undefined }>();
const MAX_REMEMBERED_HEADERS = 32;

function readHeader(segment: string): { alg: RsaAlgorithm; kid: string | undefined } {
  const known = acceptedHeaders.get(segment);
  if (known) return known;
  if (!BASE64URL_TEXT.test(segment)) throw invalid("The token's header is not base64url.");
  const header = parseJsonPart(segment, "header") as JwtHeader;
  const alg = asRsaAlgorithm(header.alg);
  if (!alg) {
    throw new TokenVerificationError(
      "token-invalid-algorithm",
      "The token's algorithm is not one of RS256, RS384, RS512.",
    );
  }
  if (header.typ !== undefined && header.typ !== "JWT") {
    throw invalid("The token's typ header is not JWT.");
  }
  if (header.kid !== undefined && typeof header.kid !== "string") {
    throw invalid("The token's kid header is not a string.");
  }
  // RFC 7515 §4.1.11: a token naming critical extensions (e.g. `b64: false`) that we do not
  // implement must be refused; session tokens never carry any.
  if (header.crit !== undefined) {
    throw invalid("The token's header lists critical extensions (crit) that are not supported.");
  }
  if (acceptedHeaders.size >= MAX_REMEMBERED_HEADERS) acceptedHeaders.clear();
  const accepted = { alg, kid: header.kid };
  acceptedHeaders.set(segment, accepted);
  return accepted;
}

/**
 * Base64url → UTF-8 text. On Node, `Buffer` does it natively (about twice as fast); the text was
 * already checked to be in the base64url alphabet. Elsewhere, a strict decoder.
 */
const decodeJsonText: (part: string) => string | undefined = nodeBuiltins
  ? decodeWithNode(nodeBuiltins.scratch)
  : (part) => {
      const bytes = decodeBase64Url(part);
      return bytes ? utf8.decode(bytes) : undefined;
    };

/**
 * Node's decoder, writing into the shared scratch buffer (a part is at most
 * {@link MAX_TOKEN_LENGTH} characters, so its bytes always fit): no buffer allocated per token.
 */
function decodeWithNode(scratch: NodeBufferInstance): (part: string) => string {
  return (part) => scratch.toString("utf8", 0, scratch.write(part, 0, "base64url"));
}

function parseJsonPart(part: string, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    const text = decodeJsonText(part);
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalid(`The token's ${name} is not a base64url-encoded JSON object.`);
  }
  return value as Record<string, unknown>;
}

function isTime(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function invalid(message: string): TokenVerificationError {
  return new TokenVerificationError("token-invalid", message);
}

function failed(message: string): TokenVerificationError {
  return new TokenVerificationError("token-verification-failed", message);
}

function unverifiable(cause: unknown): TokenVerificationError {
  return new TokenVerificationError(
    "token-invalid-signature",
    "The token's signature could not be checked.",
    { cause },
  );
}

function badSignature(): TokenVerificationError {
  return new TokenVerificationError("token-invalid-signature", "The token's signature is invalid.");
}
