import type { OAuthClient, OAuthProfile } from "./oauth-client.js";
import type { OAuthConnection } from "./oauth-connection.js";
import { OAuthProviderError } from "./oauth-provider-error.js";
import { asRecord, describeUrl, requestProvider } from "./provider-request.js";
import { exchangeAuthorizationCode, requestTokens } from "./token-endpoint.js";

/**
 * The client of GitHub's OAuth API (github.com, GitHub Enterprise Server or a test double through
 * `connection.endpoints`): code flow with PKCE and state, the profile from `/user` and the address
 * from `/user/emails`.
 *
 * @throws Error when an endpoint is missing from the connection.
 * @example
 * const client = createGithubClient(githubConnection(credentials), { now: Date.now, fetch });
 */
export function createGithubClient(
  connection: OAuthConnection,
  deps: { now: () => number; fetch: typeof fetch },
): OAuthClient {
  const need = (name: "authorization" | "token" | "user" | "emails") => {
    const url = connection.endpoints?.[name];
    if (url === undefined)
      throw new Error(`${connection.provider}: the ${name} endpoint is not set`);
    return url;
  };
  const endpoints = {
    authorization: need("authorization"),
    token: need("token"),
    user: need("user"),
    emails: need("emails"),
  };
  const apiHeaders = (accessToken: string) => ({
    Authorization: `Bearer ${accessToken}`,
    Accept: "application/vnd.github+json",
    "X-GitHub-Api-Version": "2022-11-28",
    "User-Agent": "latchkey",
  });
  const readApi = async (url: string, accessToken: string) => {
    const answer = await requestProvider(
      deps.fetch,
      url,
      { headers: apiHeaders(accessToken) },
      "profile_failed",
    );
    if (answer.status !== 200 || answer.body === undefined) {
      throw new OAuthProviderError(
        "profile_failed",
        `${describeUrl(url)} answered ${answer.status}`,
      );
    }
    return answer.body;
  };

  return {
    connection,
    async authorizationUrl({ redirectUri, state, codeChallenge }) {
      const url = new URL(endpoints.authorization);
      url.searchParams.set("client_id", connection.clientId);
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("scope", connection.scopes.join(" "));
      url.searchParams.set("state", state);
      url.searchParams.set("code_challenge", codeChallenge);
      url.searchParams.set("code_challenge_method", "S256");
      return url.toString();
    },

    async exchangeCode({ code, redirectUri, codeVerifier }) {
      const tokens = await exchangeAuthorizationCode({
        connection,
        endpoint: endpoints.token,
        auth: "client_secret_post",
        code,
        redirectUri,
        codeVerifier,
        now: deps.now,
        fetch: deps.fetch,
      });
      const user = asRecord(await readApi(endpoints.user, tokens.accessToken));
      const emails = await readApi(endpoints.emails, tokens.accessToken);
      if (user === null || !Array.isArray(emails)) {
        throw new OAuthProviderError(
          "profile_failed",
          "GitHub answered an unexpected user or email list",
        );
      }
      return { tokens, profile: githubProfile(user, emails) };
    },

    async refresh(refreshToken) {
      const tokens = await requestTokens({
        connection,
        endpoint: endpoints.token,
        auth: "client_secret_post",
        params: { grant_type: "refresh_token", refresh_token: refreshToken },
        code: "refresh_failed",
        now: deps.now,
        fetch: deps.fetch,
      });
      return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
    },
  };
}

function githubProfile(user: Record<string, unknown>, emails: unknown[]): OAuthProfile {
  const id = user.id;
  if (
    (typeof id !== "number" || !Number.isSafeInteger(id)) &&
    (typeof id !== "string" || id === "")
  ) {
    throw new OAuthProviderError("profile_failed", "GitHub answered a user without an id");
  }
  const addresses = emails
    .map(asRecord)
    .filter((entry) => entry !== null && typeof entry.email === "string");
  const primary = addresses.find((entry) => entry?.primary === true);
  const name = typeof user.name === "string" ? user.name.trim() : "";
  const space = name.indexOf(" ");
  const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : null);
  return {
    providerUserId: String(id),
    emailAddress: primary ? (primary.email as string) : null,
    emailVerified: primary?.verified === true,
    firstName: name === "" ? null : space === -1 ? name : name.slice(0, space),
    lastName: space === -1 ? null : text(name.slice(space + 1).trim()),
    imageUrl: text(user.avatar_url),
    username: text(user.login),
  };
}
