import type { JwtPayload } from "../jwt-payload.js";

/** What we keep of a token whose signature and static claims passed. */
export interface VerifiedToken {
  /** The whole token string: a hit requires exact equality with it. */
  token: string;
  payload: JwtPayload;
  /** `exp`, `nbf` and `iat` in milliseconds, checked again on every hit. */
  expMs: number;
  nbfMs: number;
  iatMs: number;
}

/**
 * A bounded map from token string to its verified claims, with O(1) cost at any fill level.
 *
 * Two generations instead of an LRU list: writes go to `young`; when `young` holds half the
 * capacity it becomes `old` and the previous `old` is dropped whole. A hit in `old` is copied to
 * `young`, so tokens in use survive. No per-hit delete-and-reinsert, no linked list, and at most
 * `capacity` entries live at once.
 *
 * Keys are the token's last {@link KEY_LENGTH} characters (the end of its RSA signature), not the
 * whole ~1 KB string: hashing a fresh string costs time proportional to its length, and every
 * request brings a fresh copy. A hit still requires the whole stored token to equal the presented
 * one, so a tampered token can never match an entry.
 */
/** Characters of the token's end used as the map key: 40 base64url characters are 240 bits. */
const KEY_LENGTH = 40;

function keyOf(token: string): string {
  return token.length > KEY_LENGTH ? token.slice(token.length - KEY_LENGTH) : token;
}

export class VerifiedTokenCache {
  private young = new Map<string, VerifiedToken>();
  private old = new Map<string, VerifiedToken>();
  private readonly generationSize: number;

  constructor(capacity: number) {
    this.generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get(token: string): VerifiedToken | undefined {
    const key = keyOf(token);
    const hit = this.young.get(key);
    if (hit !== undefined) return hit.token === token ? hit : undefined;
    const aged = this.old.get(key);
    if (aged === undefined || aged.token !== token) return undefined;
    this.set(aged);
    return aged;
  }

  set(entry: VerifiedToken): void {
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(keyOf(entry.token), entry);
  }

  delete(token: string): void {
    const key = keyOf(token);
    if (this.young.get(key)?.token === token) this.young.delete(key);
    if (this.old.get(key)?.token === token) this.old.delete(key);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
