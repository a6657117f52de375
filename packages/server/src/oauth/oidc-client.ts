import { createRemoteJWKSet, customFetch, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { OAuthClient, OAuthProfile } from "./oauth-client.js";
import type { OAuthConnection } from "./oauth-connection.js";
import { OAuthProviderError } from "./oauth-provider-error.js";
import { discoverOidc, type OidcDiscovery } from "./oidc-discovery.js";
import { asRecord, PROVIDER_TIMEOUT_MS, requestProvider } from "./provider-request.js";
import {
  exchangeAuthorizationCode,
  requestTokens,
  type TokenEndpointAuth,
} from "./token-endpoint.js";
import { verifyIdToken } from "./verify-id-token.js";

/**
 * The client of an OpenID Connect provider: discovery fetched on first use and kept (a failed one
 * is tried again next time), authorization code flow with PKCE and nonce, ID token verified.
 *
 * @throws Error when the connection has no issuer.
 * @example
 * const client = createOidcClient(googleConnection(credentials), { now: Date.now, fetch });
 */
export function createOidcClient(
  connection: OAuthConnection,
  deps: { now: () => number; fetch: typeof fetch },
): OAuthClient {
  const issuer = connection.issuer;
  if (issuer === undefined)
    throw new Error(`${connection.provider}: an OIDC connection needs an issuer`);
  let metadata: Promise<{ discovery: OidcDiscovery; jwks: JWTVerifyGetKey }> | undefined;

  const load = () => {
    metadata ??= discoverOidc(issuer, deps.fetch).then(
      (discovery) => ({
        discovery,
        jwks: createRemoteJWKSet(new URL(discovery.jwksUri), {
          timeoutDuration: PROVIDER_TIMEOUT_MS,
          [customFetch]: deps.fetch,
        }),
      }),
      (error: unknown) => {
        metadata = undefined;
        throw error;
      },
    );
    return metadata;
  };

  const tokenAuth = (discovery: OidcDiscovery): TokenEndpointAuth => {
    const methods = discovery.tokenEndpointAuthMethods;
    if (methods === null || methods.length === 0 || methods.includes("client_secret_basic")) {
      return "client_secret_basic";
    }
    return "client_secret_post";
  };

  return {
    connection,
    async authorizationUrl({ redirectUri, state, nonce, codeChallenge }) {
      const { discovery } = await load();
      const url = new URL(discovery.authorizationEndpoint);
      url.searchParams.set("response_type", "code");
      url.searchParams.set("client_id", connection.clientId);
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("scope", connection.scopes.join(" "));
      url.searchParams.set("state", state);
      url.searchParams.set("nonce", nonce);
      url.searchParams.set("code_challenge", codeChallenge);
      url.searchParams.set("code_challenge_method", "S256");
      return url.toString();
    },

    async exchangeCode({ code, redirectUri, codeVerifier, nonce }) {
      const { discovery, jwks } = await load();
      const tokens = await exchangeAuthorizationCode({
        connection,
        endpoint: discovery.tokenEndpoint,
        auth: tokenAuth(discovery),
        code,
        redirectUri,
        codeVerifier,
        now: deps.now,
        fetch: deps.fetch,
      });
      if (tokens.idToken === null) {
        throw new OAuthProviderError(
          "id_token_invalid",
          `${connection.provider}: no ID token was issued`,
        );
      }
      const claims = await verifyIdToken(tokens.idToken, {
        jwks,
        issuer: discovery.issuer,
        clientId: connection.clientId,
        nonce,
        algorithms: discovery.idTokenAlgorithms,
        now: deps.now,
      });
      let profileClaims: Record<string, unknown> = claims;
      if (typeof claims.email !== "string" && discovery.userinfoEndpoint !== null) {
        const userinfo = await readUserinfo(
          discovery.userinfoEndpoint,
          tokens.accessToken,
          deps.fetch,
        );
        if (userinfo.sub !== claims.sub) {
          throw new OAuthProviderError(
            "profile_failed",
            "userinfo names another subject than the ID token",
          );
        }
        profileClaims = {
          ...userinfo,
          ...claims,
          email: userinfo.email,
          email_verified: userinfo.email_verified,
        };
      }
      return { tokens, profile: oidcProfile(claims, profileClaims) };
    },

    async refresh(refreshToken) {
      const { discovery } = await load();
      const tokens = await requestTokens({
        connection,
        endpoint: discovery.tokenEndpoint,
        auth: tokenAuth(discovery),
        params: { grant_type: "refresh_token", refresh_token: refreshToken },
        code: "refresh_failed",
        now: deps.now,
        fetch: deps.fetch,
      });
      // A provider that does not rotate refresh tokens sends none back; the old one stays good.
      // An ID token from a refresh carries no nonce to check, so none is handed on.
      return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken, idToken: null };
    },
  };
}

async function readUserinfo(
  endpoint: string,
  accessToken: string,
  fetchFn: typeof fetch,
): Promise<Record<string, unknown>> {
  const answer = await requestProvider(
    fetchFn,
    endpoint,
    { headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" } },
    "profile_failed",
  );
  const body = asRecord(answer.body);
  if (answer.status !== 200 || body === null) {
    throw new OAuthProviderError("profile_failed", `userinfo answered ${answer.status}`);
  }
  return body;
}

function oidcProfile(idClaims: JWTPayload, claims: Record<string, unknown>): OAuthProfile {
  const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : null);
  const email = text(claims.email);
  return {
    providerUserId: idClaims.sub as string,
    emailAddress: email,
    emailVerified:
      email !== null && (claims.email_verified === true || claims.email_verified === "true"),
    firstName: text(claims.given_name),
    lastName: text(claims.family_name),
    imageUrl: text(claims.picture),
    username: text(claims.preferred_username),
  };
}
