import type { JwtPayload } from "@latchkey/backend";
import { decodeJwtPayload } from "../../internal/decode-jwt-payload.js";

/** A token and when it expires. */
interface CachedToken {
  jwt: string;
  expiresAtMs: number;
}

/** A cached token is handed out until this long before it expires. */
const TOKEN_LEEWAY_MS = 10_000;

/**
 * The client's session and template tokens, by session and template: each kept until shortly
 * before it expires, and each one being fetched shared by everyone asking meanwhile.
 */
export class SessionTokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pendingTokens = new Map<string, Promise<string | null>>();

  constructor(private readonly now: () => number) {}

  /** The cached token, while it is more than the leeway from expiring; else `undefined`. */
  fresh(sessionId: string, template: string): string | undefined {
    const now = this.now();
    const cached = this.tokens.get(keyOf(sessionId, template));
    return cached && cached.expiresAtMs - TOKEN_LEEWAY_MS > now ? cached.jwt : undefined;
  }

  /** The token being fetched for this session and template, if any. */
  pending(sessionId: string, template: string): Promise<string | null> | undefined {
    return this.pendingTokens.get(keyOf(sessionId, template));
  }

  /** Shares `request` with later askers (see {@link pending}) until it settles. */
  async track(
    sessionId: string,
    template: string,
    request: Promise<string | null>,
  ): Promise<string | null> {
    const key = keyOf(sessionId, template);
    this.pendingTokens.set(key, request);
    try {
      return await request;
    } finally {
      this.pendingTokens.delete(key);
    }
  }

  /** Keeps `jwt` until its `exp` (now, when it has none); returns its claims when readable. */
  remember(sessionId: string, template: string, jwt: string): JwtPayload | undefined {
    const claims = decodeJwtPayload(jwt);
    const exp = typeof claims?.exp === "number" ? claims.exp * 1000 : this.now();
    this.tokens.set(keyOf(sessionId, template), { jwt, expiresAtMs: exp });
    return claims;
  }

  /** Forgets every token of a session. */
  drop(sessionId: string): void {
    for (const key of this.tokens.keys()) {
      if (key.startsWith(`${sessionId}\u0000`)) this.tokens.delete(key);
    }
  }

  /** Forgets every token. */
  clear(): void {
    this.tokens.clear();
  }
}

function keyOf(sessionId: string, template: string): string {
  return `${sessionId}\u0000${template}`;
}
