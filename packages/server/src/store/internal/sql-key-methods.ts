import type { Row } from "../database.js";
import type { PublicRsaJwk, SigningKeyRecord, SigningKeyStore } from "../signing-key-store.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function signingKeyFromRow(row: Row): SigningKeyRecord {
  const jwk = row.public_jwk as PublicRsaJwk;
  return {
    kid: String(row.kid),
    algorithm: "RS256",
    privateKeyPem: String(row.private_key_pem),
    publicJwk: { kty: "RSA", n: String(jwk.n), e: String(jwk.e) },
    longestLifetimeSeconds: Number(row.longest_lifetime_seconds),
    createdAt: Number(row.created_at),
    activeAt: Number(row.active_at),
  };
}

const INSERT_KEY = `INSERT INTO signing_keys
  (kid, algorithm, private_key_pem, public_jwk, created_at, active_at)
  VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING *`;

/** The signing-key part of the SQL store. */
export function sqlKeyMethods({ db, clock }: SqlStoreContext): SigningKeyStore {
  return {
    async listSigningKeys() {
      const rows = await db.query("SELECT * FROM signing_keys ORDER BY active_at, created_at, kid");
      return rows.map(signingKeyFromRow);
    },

    createFirstSigningKey: (key) =>
      db.transaction(async (tx) => {
        // One lock per schema: concurrent first starts queue here, and only the first one finds
        // the table empty.
        await tx.query(
          "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':latchkey_signing_keys'))",
        );
        const existing = await tx.query("SELECT 1 FROM signing_keys LIMIT 1");
        if (existing.length > 0) return false;
        const now = clock.now();
        await tx.query(INSERT_KEY, [
          key.kid,
          key.algorithm,
          key.privateKeyPem,
          JSON.stringify(key.publicJwk),
          now,
          now,
        ]);
        return true;
      }),

    async rotateSigningKey(key, activeAt) {
      const rows = await db.query(INSERT_KEY, [
        key.kid,
        key.algorithm,
        key.privateKeyPem,
        JSON.stringify(key.publicJwk),
        clock.now(),
        activeAt,
      ]);
      return signingKeyFromRow(rows[0]!);
    },

    async recordSigningKeyLifetime(kid, seconds) {
      await db.query(
        `UPDATE signing_keys SET longest_lifetime_seconds = GREATEST(longest_lifetime_seconds, $2)
         WHERE kid = $1`,
        [kid, Math.ceil(seconds)],
      );
    },
  };
}
