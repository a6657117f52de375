import type { TokenVerificationError } from "../token-verification-error.js";
import type { SessionKey } from "./session-key.js";

/** The key that signed a token, or why there is none. */
export type KeyLookup =
  | { ok: true; key: SessionKey }
  | { ok: false; error: TokenVerificationError };

/** Finds the public key that signed a token. */
export interface KeySource {
  /** The key for `kid` (the token's header), or a coded error. Never rejects. */
  keyFor(kid: string | undefined): Promise<KeyLookup>;
}
