/**
 * The signing-key part of the {@link Store}: the instance's RS256 keys, kept in the database so
 * every process signs with, and publishes, the same keys.
 */

/** A public RSA JSON Web Key, without `use`/`alg`/`kid` (added when published). */
export interface PublicRsaJwk {
  kty: "RSA";
  n: string;
  e: string;
}

/** A key to store: its id, PEM (PKCS#8) private key and public JWK. */
export interface NewSigningKey {
  kid: string;
  algorithm: "RS256";
  privateKeyPem: string;
  publicJwk: PublicRsaJwk;
}

/** A stored signing key. Server-side only: it carries the private key. */
export interface SigningKeyRecord extends NewSigningKey {
  /** Longest lifetime (seconds) of a token this key signed. */
  longestLifetimeSeconds: number;
  /** Published from here on. */
  createdAt: number;
  /** Signs from here on, until the next key's `activeAt`. */
  activeAt: number;
}

export interface SigningKeyStore {
  /** Every stored key, ordered by `activeAt` then `createdAt`. */
  listSigningKeys(): Promise<SigningKeyRecord[]>;
  /**
   * Stores `key`, active now, unless a key exists already. Race-safe: when several processes call
   * it at once on one database, exactly one key is stored.
   * @returns true when this call stored its key
   */
  createFirstSigningKey(key: NewSigningKey): Promise<boolean>;
  /** Stores a rotated-in key, published now and signing from `activeAt`. */
  rotateSigningKey(key: NewSigningKey, activeAt: number): Promise<SigningKeyRecord>;
  /** Raises a key's recorded longest token lifetime to at least `seconds`. */
  recordSigningKeyLifetime(kid: string, seconds: number): Promise<void>;
}
