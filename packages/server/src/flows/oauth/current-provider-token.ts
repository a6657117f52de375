import { ApiError } from "../../errors/api-error.js";
import { OAuthProviderError } from "../../oauth/oauth-provider-error.js";
import type { ExternalAccountRecord } from "../../store/external-account-store.js";
import type { Store } from "../../store/store.js";
import type { OAuthConnections } from "./oauth-connections.js";
import { encryptedTokens } from "./receive-provider-account.js";

/** A token is refreshed this long before it expires, so callers never get one about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/** A provider access token as the Backend API hands it out. */
export interface CurrentProviderToken {
  token: string;
  /** epoch ms; null when the provider gave none */
  expiresAt: number | null;
  scopes: string[];
}

/**
 * The account's provider access token, decrypted; one that has expired (or will within a
 * minute) is first refreshed with the refresh token at the provider and the new pair kept
 * (encrypted). An account without an access token answers null.
 *
 * @throws `oauth_token_unavailable` (422) when it expired and no refresh succeeded
 * @example
 * const current = await currentProviderToken({ store, oauth, now }, account);
 */
export async function currentProviderToken(
  context: {
    store: Pick<Store, "updateExternalAccountTokens">;
    oauth: OAuthConnections;
    now: number;
  },
  account: ExternalAccountRecord,
): Promise<CurrentProviderToken | null> {
  const { oauth, now } = context;
  if (account.accessTokenCiphertext === null) return null;
  const scopes = account.approvedScopes.split(" ").filter((s) => s !== "");
  const fresh =
    account.accessTokenExpiresAt === null || account.accessTokenExpiresAt > now + REFRESH_MARGIN_MS;
  if (fresh) {
    return {
      token: oauth.cipher.decrypt(account.accessTokenCiphertext),
      expiresAt: account.accessTokenExpiresAt,
      scopes,
    };
  }
  if (account.refreshTokenCiphertext === null) throw new ApiError("oauth_token_unavailable");
  try {
    const tokens = await oauth
      .client(account.strategy)
      .refresh(oauth.cipher.decrypt(account.refreshTokenCiphertext));
    const kept = encryptedTokens(oauth, tokens);
    await context.store.updateExternalAccountTokens(account.id, {
      ...kept,
      // Providers that rotate no refresh token keep the old one valid.
      refreshTokenCiphertext: kept.refreshTokenCiphertext ?? account.refreshTokenCiphertext,
      approvedScopes: kept.approvedScopes === "" ? account.approvedScopes : kept.approvedScopes,
    });
    return {
      token: tokens.accessToken,
      expiresAt: tokens.expiresAt,
      scopes: tokens.scopes.length > 0 ? tokens.scopes : scopes,
    };
  } catch (error) {
    if (
      error instanceof OAuthProviderError ||
      (error instanceof ApiError && error.code === "oauth_strategy_not_enabled")
    ) {
      throw new ApiError("oauth_token_unavailable", {
        cause: { reason: error instanceof OAuthProviderError ? error.code : error.code },
      });
    }
    throw error;
  }
}
