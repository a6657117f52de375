/** The handshake part of the {@link Store}: payloads the Frontend API keeps for the app's server. */

/** A handshake payload to keep until the app's server asks for it. */
export interface NewHandshakePayload {
  /** SHA-256 digest (hex) of the nonce; never the nonce itself. */
  nonceHash: string;
  /** `Set-Cookie` values the app's server is to send (they hold a session token). */
  directives: readonly string[];
  /** Epoch ms after which the payload is gone. */
  expireAt: number;
}

export interface HandshakeStore {
  saveHandshakePayload(payload: NewHandshakePayload): Promise<void>;
  /**
   * Takes a payload out in one statement: the first caller gets its directives, every later one
   * (and any caller after `expireAt`) gets null.
   */
  takeHandshakePayload(nonceHash: string, now: number): Promise<string[] | null>;
  /** Deletes payloads whose time ended at or before `now`; returns how many. */
  deleteExpiredHandshakePayloads(now: number): Promise<number>;
}
