import { createGithubClient } from "./github-client.js";
import type { OAuthConnection } from "./oauth-connection.js";
import { createOidcClient } from "./oidc-client.js";

/** What a provider's token endpoint issued. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string | null;
  /** epoch ms */
  expiresAt: number | null;
  scopes: string[];
  idToken: string | null;
}

/** The person as the provider knows them, mapped to Clerk's fields. */
export interface OAuthProfile {
  providerUserId: string;
  emailAddress: string | null;
  emailVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  username: string | null;
}

/** Speaks to one configured provider for the Frontend API's OAuth flows. */
export interface OAuthClient {
  readonly connection: OAuthConnection;
  /** The provider's authorization URL (code flow, PKCE S256, state, nonce for OIDC). */
  authorizationUrl(input: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeChallenge: string;
  }): Promise<string>;
  /**
   * Exchanges the code and reads the profile: OIDC verifies the ID token (JWKS, issuer, audience,
   * azp, nonce, exp/iat with 60 s tolerance, asymmetric algorithms from discovery) and reads
   * userinfo only if the ID token lacks an email; GitHub reads /user and /user/emails.
   */
  exchangeCode(input: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
    nonce: string;
  }): Promise<{ tokens: OAuthTokens; profile: OAuthProfile }>;
  /** grant_type=refresh_token at the token endpoint; the old refresh token is kept when none comes back. */
  refresh(refreshToken: string): Promise<OAuthTokens>;
}

/**
 * The client for a connection: OpenID Connect (discovery, ID token) or GitHub's API. Every request
 * times out after 10 s; failures are {@link OAuthProviderError}s.
 *
 * @throws OAuthProviderError from its methods: `discovery_failed`, `token_exchange_failed`,
 *   `id_token_invalid`, `profile_failed`, `refresh_failed`.
 * @example
 * const client = createOAuthClient(googleConnection({ clientId, clientSecret }), { now: clock.now });
 * const { verifier, challenge } = newPkcePair();
 * const url = await client.authorizationUrl({ redirectUri, state, nonce, codeChallenge: challenge });
 * const { profile } = await client.exchangeCode({ code, redirectUri, codeVerifier: verifier, nonce });
 */
export function createOAuthClient(
  connection: OAuthConnection,
  deps: { now: () => number; fetch?: typeof fetch },
): OAuthClient {
  const resolved = { now: deps.now, fetch: deps.fetch ?? globalThis.fetch };
  return connection.kind === "github"
    ? createGithubClient(connection, resolved)
    : createOidcClient(connection, resolved);
}
