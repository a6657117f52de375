import type { JwtPayload } from "../jwt-payload.js";

/** What we keep of a token whose signature and static claims passed. */
export interface VerifiedToken {
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
 */
export class VerifiedTokenCache {
  private young = new Map<string, VerifiedToken>();
  private old = new Map<string, VerifiedToken>();
  private readonly generationSize: number;

  constructor(capacity: number) {
    this.generationSize = Math.max(1, Math.floor(capacity / 2));
  }

  get(token: string): VerifiedToken | undefined {
    const hit = this.young.get(token);
    if (hit !== undefined) return hit;
    const aged = this.old.get(token);
    if (aged !== undefined) this.set(token, aged);
    return aged;
  }

  set(token: string, entry: VerifiedToken): void {
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(token, entry);
  }

  delete(token: string): void {
    this.young.delete(token);
    this.old.delete(token);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
