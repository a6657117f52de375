import type { OAuthTokens } from "./oauth-client.js";
import type { OAuthConnection } from "./oauth-connection.js";
import { OAuthProviderError, type OAuthProviderErrorCode } from "./oauth-provider-error.js";
import {
  asRecord,
  describeProviderError,
  describeUrl,
  requestProvider,
} from "./provider-request.js";

/** How the client authenticates at the token endpoint. */
export type TokenEndpointAuth = "client_secret_basic" | "client_secret_post";

/**
 * Posts a grant (`authorization_code` or `refresh_token`) to a token endpoint, authenticating the
 * client as asked, and reads the tokens. GitHub's habit of answering errors with HTTP 200 and an
 * `error` field is treated as the error it is.
 *
 * @throws OAuthProviderError with `code` when the endpoint refuses, errs or answers without an
 *   access token.
 * @example
 * const tokens = await requestTokens({ connection, endpoint, auth: "client_secret_basic",
 *   params: { grant_type: "refresh_token", refresh_token }, code: "refresh_failed", now, fetch });
 */
export async function requestTokens(input: {
  connection: OAuthConnection;
  endpoint: string;
  auth: TokenEndpointAuth;
  params: Record<string, string>;
  code: OAuthProviderErrorCode;
  now: () => number;
  fetch: typeof fetch;
}): Promise<OAuthTokens> {
  const { connection, auth } = input;
  const body = new URLSearchParams(input.params);
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "application/json",
  };
  if (auth === "client_secret_basic") {
    // RFC 6749 §2.3.1: each part form-urlencoded before the Basic encoding.
    const user = formEncode(connection.clientId);
    const password = formEncode(connection.clientSecret);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  } else {
    body.set("client_id", connection.clientId);
    body.set("client_secret", connection.clientSecret);
  }
  const answer = await requestProvider(
    input.fetch,
    input.endpoint,
    { method: "POST", headers, body },
    input.code,
  );
  const json = asRecord(answer.body);
  if (answer.status !== 200 || json === null || typeof json.error === "string") {
    throw new OAuthProviderError(
      input.code,
      `${connection.provider}: the token endpoint ${describeUrl(input.endpoint)} answered ${answer.status}${describeProviderError(json)}`,
    );
  }
  const accessToken = json.access_token;
  if (typeof accessToken !== "string" || accessToken.length === 0) {
    throw new OAuthProviderError(
      input.code,
      `${connection.provider}: the token endpoint answered without an access token`,
    );
  }
  const expiresIn = typeof json.expires_in === "string" ? Number(json.expires_in) : json.expires_in;
  const scope = typeof json.scope === "string" ? json.scope : "";
  return {
    accessToken,
    refreshToken: nonEmptyString(json.refresh_token),
    expiresAt:
      typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn > 0
        ? input.now() + Math.round(expiresIn * 1000)
        : null,
    // OIDC separates scopes with spaces; GitHub with commas.
    scopes: scope.split(/[\s,]+/).filter((part) => part.length > 0),
    idToken: nonEmptyString(json.id_token),
  };
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * Exchanges an authorization code at a token endpoint (PKCE verifier, the same `redirect_uri`);
 * refusals are `token_exchange_failed`.
 *
 * @example
 * const tokens = await exchangeAuthorizationCode({ connection, endpoint, auth, code, redirectUri, codeVerifier, now, fetch });
 */
export function exchangeAuthorizationCode(input: {
  connection: OAuthConnection;
  endpoint: string;
  auth: TokenEndpointAuth;
  code: string;
  redirectUri: string;
  codeVerifier: string;
  now: () => number;
  fetch: typeof fetch;
}): Promise<OAuthTokens> {
  return requestTokens({
    connection: input.connection,
    endpoint: input.endpoint,
    auth: input.auth,
    params: {
      grant_type: "authorization_code",
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    },
    code: "token_exchange_failed",
    now: input.now,
    fetch: input.fetch,
  });
}
