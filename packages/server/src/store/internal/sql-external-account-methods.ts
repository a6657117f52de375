import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type {
  ExternalAccountRecord,
  ExternalAccountStore,
  OAuthRedirectRecord,
  ProviderAccount,
} from "../external-account-store.js";
import { metadataOf, numberOrNull, stringOrNull } from "./row-values.js";
import type { SqlStoreContext } from "./sql-store-context.js";

/** Reads an `external_accounts` row. */
export function externalAccountFromRow(row: Row): ExternalAccountRecord {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    identificationId: String(row.identification_id),
    strategy: String(row.strategy),
    providerUserId: String(row.provider_user_id),
    emailAddress: stringOrNull(row.email_address) || null,
    emailAddressVerified:
      row.email_address_verified === null ? null : Boolean(row.email_address_verified),
    firstName: stringOrNull(row.first_name) || null,
    lastName: stringOrNull(row.last_name) || null,
    imageUrl: stringOrNull(row.image_url),
    username: stringOrNull(row.username),
    approvedScopes: String(row.approved_scopes),
    accessTokenCiphertext: stringOrNull(row.access_token_ciphertext),
    refreshTokenCiphertext: stringOrNull(row.refresh_token_ciphertext),
    accessTokenExpiresAt: numberOrNull(row.access_token_expires_at),
    publicMetadata: metadataOf(row.public_metadata),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function providerAccountOf(value: unknown): ProviderAccount | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as ProviderAccount;
}

function redirectFromRow(row: Row): OAuthRedirectRecord {
  return {
    id: String(row.id),
    clientId: String(row.client_id),
    signInId: stringOrNull(row.sign_in_id),
    signUpId: stringOrNull(row.sign_up_id),
    strategy: String(row.strategy),
    nonce: String(row.nonce),
    codeVerifierCiphertext: String(row.code_verifier_ciphertext),
    callbackUrl: String(row.callback_url),
    redirectUrl: String(row.redirect_url),
    actionCompleteRedirectUrl: stringOrNull(row.action_complete_redirect_url),
    expireAt: Number(row.expire_at),
    consumedAt: numberOrNull(row.consumed_at),
    account: providerAccountOf(row.account),
    createdAt: Number(row.created_at),
  };
}

/** The social sign-in part of the SQL store. */
export function sqlExternalAccountMethods({
  db,
  clock,
  ids,
}: SqlStoreContext): ExternalAccountStore {
  return {
    async saveOAuthRedirect(input) {
      const rows = await db.query(
        `INSERT INTO oauth_redirects (id, state_hash, client_id, sign_in_id, sign_up_id, strategy,
           nonce, code_verifier_ciphertext, callback_url, redirect_url,
           action_complete_redirect_url, expire_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
        [
          ids("oar"),
          input.stateHash,
          input.clientId,
          input.signInId,
          input.signUpId,
          input.strategy,
          input.nonce,
          input.codeVerifierCiphertext,
          input.callbackUrl,
          input.redirectUrl,
          input.actionCompleteRedirectUrl,
          input.expireAt,
          clock.now(),
        ],
      );
      return redirectFromRow(rows[0] as Row);
    },

    async consumeOAuthRedirect(stateHash, now) {
      const rows = await db.query(
        `UPDATE oauth_redirects SET consumed_at = $2
         WHERE state_hash = $1 AND consumed_at IS NULL AND expire_at > $2 RETURNING *`,
        [stateHash, now],
      );
      return rows[0] === undefined ? null : redirectFromRow(rows[0]);
    },

    async setOAuthRedirectAccount(id, account) {
      await db.query("UPDATE oauth_redirects SET account = $2::jsonb WHERE id = $1", [
        id,
        JSON.stringify(account),
      ]);
    },

    async findTransferableOAuthRedirect(clientId, attempt) {
      const [column, value] =
        "signInId" in attempt ? ["sign_in_id", attempt.signInId] : ["sign_up_id", attempt.signUpId];
      const rows = await db.query(
        `SELECT * FROM oauth_redirects
         WHERE client_id = $1 AND ${column} = $2 AND consumed_at IS NOT NULL AND account IS NOT NULL
         ORDER BY created_at DESC LIMIT 1`,
        [clientId, value],
      );
      return rows[0] === undefined ? null : redirectFromRow(rows[0]);
    },

    async handOverOAuthRedirect(id, to) {
      const [column, value] =
        "signInId" in to ? ["sign_in_id", to.signInId] : ["sign_up_id", to.signUpId];
      await db.query(`UPDATE oauth_redirects SET ${column} = $2 WHERE id = $1`, [id, value]);
    },

    async getExternalAccount(id) {
      const rows = await db.query("SELECT * FROM external_accounts WHERE id = $1", [id]);
      return rows[0] === undefined ? null : externalAccountFromRow(rows[0]);
    },

    async findExternalAccount(strategy, providerUserId) {
      const rows = await db.query(
        "SELECT * FROM external_accounts WHERE strategy = $1 AND provider_user_id = $2",
        [strategy, providerUserId],
      );
      return rows[0] === undefined ? null : externalAccountFromRow(rows[0]);
    },

    async listExternalAccounts(userId) {
      const rows = await db.query(
        "SELECT * FROM external_accounts WHERE user_id = $1 ORDER BY seq",
        [userId],
      );
      return rows.map(externalAccountFromRow);
    },

    async updateExternalAccountTokens(id, tokens) {
      await db.query(
        `UPDATE external_accounts SET access_token_ciphertext = $2, refresh_token_ciphertext = $3,
           access_token_expires_at = $4, approved_scopes = $5, updated_at = $6 WHERE id = $1`,
        [
          id,
          tokens.accessTokenCiphertext,
          tokens.refreshTokenCiphertext,
          tokens.accessTokenExpiresAt,
          tokens.approvedScopes,
          clock.now(),
        ],
      );
    },

    async insertExternalAccount(userId, account) {
      const now = clock.now();
      try {
        const rows = await db.query(
          `INSERT INTO external_accounts (id, user_id, identification_id, strategy, provider_user_id,
             email_address, email_address_verified, first_name, last_name, image_url, username,
             approved_scopes, access_token_ciphertext, refresh_token_ciphertext,
             access_token_expires_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
           RETURNING *`,
          [
            ids("eac"),
            userId,
            ids("idn"),
            account.strategy,
            account.providerUserId,
            account.emailAddress ?? "",
            account.emailAddress === null ? null : account.emailAddressVerified,
            account.firstName ?? "",
            account.lastName ?? "",
            account.imageUrl,
            account.username,
            account.approvedScopes,
            account.accessTokenCiphertext,
            account.refreshTokenCiphertext,
            account.accessTokenExpiresAt,
            now,
          ],
        );
        return externalAccountFromRow(rows[0] as Row);
      } catch (error) {
        const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
        if (code === "23505" && constraint === "external_accounts_provider_user_key") {
          throw new ApiError("external_account_exists", { cause: { code, constraint } });
        }
        throw error;
      }
    },

    async deleteExternalAccount(id) {
      const rows = await db.query("DELETE FROM external_accounts WHERE id = $1 RETURNING *", [id]);
      return rows[0] === undefined ? null : externalAccountFromRow(rows[0]);
    },
  };
}
