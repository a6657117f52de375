import { TokenVerificationError } from "../token-verification-error.js";
import type { KeyLookup, KeySource } from "./key-source.js";
import { importSessionKey, type SessionKey } from "./session-key.js";

/** How a {@link JwksKeySource} reaches the Backend API's `GET /v1/jwks`. */
export interface JwksKeySourceOptions {
  apiUrl: string;
  apiVersion: string;
  secretKey: string;
  fetch: typeof fetch;
  now: () => number;
  /** How long a fetched key set is fresh. */
  ttlMs: number;
  /** The least time between two fetches caused by an unknown `kid`. */
  minRefetchIntervalMs: number;
}

/**
 * After a failed fetch, the least time before the next one: meanwhile requests are answered with
 * the keys already held (or the failure, when none are), so a down or slow Backend API is not
 * sent one request per incoming token.
 */
const FAILED_FETCH_BACKOFF_MS = 1_000;

/** The longest one JWKS request may take before it counts as failed. */
const FETCH_TIMEOUT_MS = 10_000;

/**
 * A key source backed by the Backend API's JWKS. Fresh for `ttlMs`; an unknown `kid` refetches at
 * most once per `minRefetchIntervalMs` (a flood of forged `kid`s cannot become a flood of fetches);
 * concurrent misses share one request; when a refresh fails the last good keys keep serving, and
 * the next attempt waits {@link FAILED_FETCH_BACKOFF_MS}.
 */
export class JwksKeySource implements KeySource {
  private keys = new Map<string, SessionKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastFailure: { at: number; refresh: Refresh & { ok: false } } | undefined;
  private inFlight: Promise<Refresh> | undefined;

  constructor(private readonly options: JwksKeySourceOptions) {}

  async keyFor(kid: string | undefined): Promise<KeyLookup> {
    const now = this.options.now();
    const cached = kid === undefined ? this.onlyKey() : this.keys.get(kid);
    if (cached && now - this.fetchedAt < this.options.ttlMs) return { ok: true, key: cached };
    const stale = now - this.fetchedAt >= this.options.ttlMs;
    const backingOff =
      this.lastFailure !== undefined && now - this.lastFailure.at < FAILED_FETCH_BACKOFF_MS;
    const mayRefetch = stale
      ? !backingOff
      : now - this.lastAttemptAt >= this.options.minRefetchIntervalMs;
    if (!mayRefetch && this.keys.size === 0 && this.lastFailure) return this.lastFailure.refresh;
    if (mayRefetch) {
      const refreshed = await this.refresh();
      // A failed refresh keeps the keys we had: apps keep working while the instance is down.
      if (!refreshed.ok) {
        if (cached) return { ok: true, key: cached };
        if (this.keys.size === 0) return refreshed;
      }
    }
    const key = kid === undefined ? this.onlyKey() : this.keys.get(kid);
    if (key) return { ok: true, key };
    return {
      ok: false,
      error: new TokenVerificationError(
        "jwk-kid-mismatch",
        "No key in the instance's JWKS matches the token's kid. The token was signed by another instance, or the key was rotated away.",
      ),
    };
  }

  private onlyKey(): SessionKey | undefined {
    if (this.keys.size !== 1) return undefined;
    return this.keys.values().next().value;
  }

  private refresh(): Promise<Refresh> {
    if (!this.inFlight) {
      this.lastAttemptAt = this.options.now();
      this.inFlight = this.load()
        .then((refresh) => {
          this.lastFailure = refresh.ok ? undefined : { at: this.options.now(), refresh };
          return refresh;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }

  private async load(): Promise<Refresh> {
    const { apiUrl, apiVersion, secretKey } = this.options;
    const url = `${apiUrl.replace(/\/+$/, "")}/${apiVersion}/jwks`;
    let response: Response;
    try {
      response = await this.options.fetch(url, {
        headers: { Authorization: `Bearer ${secretKey}`, "Clerk-API-Version": "2026-05-12" },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (cause) {
      return refused(
        "jwk-remote-failed-to-load",
        `Could not reach the JWKS endpoint at ${url}.`,
        cause,
      );
    }
    if (response.status === 401 || response.status === 403) {
      return refused(
        "secret-key-invalid",
        "The JWKS endpoint refused the secret key. Check CLERK_SECRET_KEY.",
      );
    }
    if (!response.ok) {
      return refused(
        "jwk-remote-failed-to-load",
        `The JWKS endpoint at ${url} answered ${response.status}.`,
      );
    }
    let body: unknown;
    try {
      // Reading the body is bounded by the same timeout.
      body = await response.json();
    } catch (cause) {
      return refused("jwk-remote-invalid", "The JWKS response is not JSON.", cause);
    }
    const entries = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(entries)) {
      return refused("jwk-remote-invalid", "The JWKS response has no keys array.");
    }
    const keys = new Map<string, SessionKey>();
    for (const entry of entries as JsonWebKey[]) {
      if (entry === null || typeof entry !== "object") continue;
      const kid = (entry as { kid?: unknown }).kid;
      if (typeof kid !== "string" || entry.kty !== "RSA") continue;
      const imported = await importSessionKey({ format: "jwk", jwk: entry }, kid);
      // An entry we cannot import is skipped; the others still serve.
      if (imported.ok) keys.set(kid, imported.key);
    }
    if (keys.size === 0) {
      return refused("jwk-remote-missing", "The JWKS holds no usable RSA key.");
    }
    this.keys = keys;
    this.fetchedAt = this.options.now();
    return { ok: true };
  }
}

/** What a JWKS refresh gave: the keys are replaced only when it succeeded. */
type Refresh = { ok: true } | { ok: false; error: TokenVerificationError };

function refused(code: TokenVerificationError["code"], message: string, cause?: unknown): Refresh {
  const options = cause === undefined ? undefined : { cause };
  return { ok: false, error: new TokenVerificationError(code, message, options) };
}
