import { ApiError } from "../../errors/api-error.js";
import type { OAuthTokens } from "../../oauth/oauth-client.js";
import { OAuthProviderError } from "../../oauth/oauth-provider-error.js";
import type { OAuthRedirectRecord, ProviderAccount } from "../../store/external-account-store.js";
import type { OAuthConnections } from "./oauth-connections.js";

/** What came back to `/v1/oauth_callback` besides the state. */
export interface OAuthCallbackParams {
  code?: string | undefined;
  error?: string | undefined;
}

/** Provider tokens as kept at rest: ciphertext, expiry, scopes. */
export function encryptedTokens(oauth: OAuthConnections, tokens: OAuthTokens) {
  return {
    accessTokenCiphertext: oauth.cipher.encrypt(tokens.accessToken),
    refreshTokenCiphertext:
      tokens.refreshToken === null ? null : oauth.cipher.encrypt(tokens.refreshToken),
    accessTokenExpiresAt: tokens.expiresAt,
    approvedScopes: tokens.scopes.join(" "),
  };
}

/**
 * Turns a provider's answer into the account it vouches for: the code exchanged (PKCE verifier,
 * the same `redirect_uri`), the ID token verified against the provider's keys with the redirect's
 * nonce, the profile read; tokens encrypted. A refusal by the person (`error=access_denied`) or
 * by any check is an ApiError to record on the sign-in or sign-up, never a partial account.
 *
 * @throws `oauth_access_denied` (the provider reported an error), `oauth_provider_error` (no code,
 *   or the exchange, ID token or profile was refused)
 * @example
 * const account = await receiveProviderAccount(oauth, redirect, { code });
 */
export async function receiveProviderAccount(
  oauth: OAuthConnections,
  redirect: OAuthRedirectRecord,
  params: OAuthCallbackParams,
): Promise<ProviderAccount> {
  if (params.error !== undefined) throw new ApiError("oauth_access_denied");
  if (params.code === undefined || params.code === "") throw new ApiError("oauth_provider_error");
  try {
    const { tokens, profile } = await oauth.client(redirect.strategy).exchangeCode({
      code: params.code,
      redirectUri: redirect.callbackUrl,
      codeVerifier: oauth.cipher.decrypt(redirect.codeVerifierCiphertext),
      nonce: redirect.nonce,
    });
    return {
      strategy: redirect.strategy,
      providerUserId: profile.providerUserId,
      emailAddress: profile.emailAddress,
      emailAddressVerified: profile.emailVerified,
      firstName: profile.firstName,
      lastName: profile.lastName,
      imageUrl: profile.imageUrl,
      username: profile.username,
      ...encryptedTokens(oauth, tokens),
    };
  } catch (error) {
    if (error instanceof OAuthProviderError) {
      throw new ApiError("oauth_provider_error", { meta: { reason: error.code } });
    }
    throw error;
  }
}
