import { TokenVerificationError } from "../token-verification-error.js";
import { importRsaPublicKey, type RsaPublicKey } from "./rsa-public-key.js";

/** Finds the public key that signed a token. */
export interface KeySource {
  /** Resolves the key for `kid`; throws a {@link TokenVerificationError} when there is none. */
  getKey(kid: string | undefined): RsaPublicKey | Promise<RsaPublicKey>;
}

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
 * A key source backed by the Backend API's JWKS. Fresh for `ttlMs`; an unknown `kid` refetches at
 * most once per `minRefetchIntervalMs` (a flood of forged `kid`s cannot become a flood of fetches);
 * concurrent misses share one request; when a refresh fails the last good keys keep serving.
 */
export class JwksKeySource implements KeySource {
  private keys = new Map<string, RsaPublicKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: JwksKeySourceOptions) {}

  getKey(kid: string | undefined): RsaPublicKey | Promise<RsaPublicKey> {
    const now = this.options.now();
    const cached = kid === undefined ? this.onlyKey() : this.keys.get(kid);
    if (cached && now - this.fetchedAt < this.options.ttlMs) return cached;
    return this.refreshThenGet(kid, cached, now);
  }

  private async refreshThenGet(
    kid: string | undefined,
    cached: RsaPublicKey | undefined,
    now: number,
  ): Promise<RsaPublicKey> {
    const stale = now - this.fetchedAt >= this.options.ttlMs;
    const mayRefetch = stale || now - this.lastAttemptAt >= this.options.minRefetchIntervalMs;
    if (mayRefetch) {
      try {
        await this.refresh();
      } catch (err) {
        // A failed refresh keeps the keys we had: apps keep working while the instance is down.
        if (cached) return cached;
        if (this.keys.size === 0) throw err;
      }
    }
    const key = kid === undefined ? this.onlyKey() : this.keys.get(kid);
    if (key) return key;
    throw new TokenVerificationError(
      "jwk-kid-mismatch",
      "No key in the instance's JWKS matches the token's kid. The token was signed by another instance, or the key was rotated away.",
    );
  }

  private onlyKey(): RsaPublicKey | undefined {
    if (this.keys.size !== 1) return undefined;
    return this.keys.values().next().value;
  }

  private refresh(): Promise<void> {
    if (!this.inFlight) {
      this.lastAttemptAt = this.options.now();
      this.inFlight = this.load().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  private async load(): Promise<void> {
    const { apiUrl, apiVersion, secretKey } = this.options;
    const url = `${apiUrl.replace(/\/+$/, "")}/${apiVersion}/jwks`;
    let response: Response;
    try {
      response = await this.options.fetch(url, {
        headers: { Authorization: `Bearer ${secretKey}`, "Clerk-API-Version": "2026-05-12" },
      });
    } catch (cause) {
      throw new TokenVerificationError(
        "jwk-remote-failed-to-load",
        `Could not reach the JWKS endpoint at ${url}.`,
        { cause },
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new TokenVerificationError(
        "secret-key-invalid",
        "The JWKS endpoint refused the secret key. Check CLERK_SECRET_KEY.",
      );
    }
    if (!response.ok) {
      throw new TokenVerificationError(
        "jwk-remote-failed-to-load",
        `The JWKS endpoint at ${url} answered ${response.status}.`,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new TokenVerificationError("jwk-remote-invalid", "The JWKS response is not JSON.", {
        cause,
      });
    }
    const entries = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(entries)) {
      throw new TokenVerificationError(
        "jwk-remote-invalid",
        "The JWKS response has no keys array.",
      );
    }
    const keys = new Map<string, RsaPublicKey>();
    for (const entry of entries as JsonWebKey[]) {
      const kid = (entry as { kid?: unknown }).kid;
      if (typeof kid !== "string" || entry.kty !== "RSA") continue;
      try {
        keys.set(kid, importRsaPublicKey({ format: "jwk", key: entry }, kid));
      } catch {
        // An entry we cannot import is skipped; the others still serve.
      }
    }
    if (keys.size === 0) {
      throw new TokenVerificationError("jwk-remote-missing", "The JWKS holds no usable RSA key.");
    }
    this.keys = keys;
    this.fetchedAt = this.options.now();
  }
}
