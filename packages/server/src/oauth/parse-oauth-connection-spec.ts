import {
  customOidcConnection,
  githubConnection,
  googleConnection,
  microsoftConnection,
  type OAuthConnection,
} from "./oauth-connection.js";

const SCOPES_SUFFIX = "?scopes=";
const PROVIDER = /^(google|github|microsoft|custom_[a-z0-9_]{1,32})$/;
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Reads a provider from a command-line flag or environment value:
 * `google:ID:SECRET`, `github:ID:SECRET`, `microsoft:ID:SECRET` or
 * `custom_<name>:ID:SECRET@https://issuer.example`, each optionally ending in `?scopes=a,b`.
 * The secret runs to the end (or to the `@` before a custom issuer) and may itself hold `:`.
 *
 * @throws Error naming the part that is wrong; the message never holds the secret.
 * @example
 * parseOAuthConnectionSpec("github:Iv1.abc:s3cr3t").strategy; // "oauth_github"
 * parseOAuthConnectionSpec("custom_okta:id:secret@https://acme.okta.com?scopes=openid,email");
 */
export function parseOAuthConnectionSpec(text: string): OAuthConnection {
  let rest = text.trim();
  let scopes: string[] | undefined;
  const scopesAt = rest.lastIndexOf(SCOPES_SUFFIX);
  if (scopesAt !== -1) {
    scopes = rest
      .slice(scopesAt + SCOPES_SUFFIX.length)
      .split(",")
      .map((scope) => scope.trim());
    rest = rest.slice(0, scopesAt);
    if (scopes.some((scope) => !SCOPE.test(scope))) {
      throw new Error("OAuth provider spec: ?scopes= needs a comma-separated list of scope names");
    }
  }

  const providerEnd = rest.indexOf(":");
  const provider = providerEnd === -1 ? "" : rest.slice(0, providerEnd);
  if (provider.length === 0) {
    throw new Error(
      "OAuth provider spec: expected <provider>:<client id>:<client secret> (provider google, github, microsoft or custom_<name>)",
    );
  }
  // The provider part is not echoed: a spec written in the wrong order would show its secret.
  if (!PROVIDER.test(provider)) {
    throw new Error(
      "OAuth provider spec: unknown provider before the first ':' (expected google, github, microsoft, or custom_<name> with 1-32 of a-z 0-9 _)",
    );
  }
  rest = rest.slice(providerEnd + 1);

  let issuer: string | undefined;
  if (provider.startsWith("custom_")) {
    const issuerAt = rest.search(/@https?:\/\/[^@]*$/);
    if (issuerAt === -1) {
      throw new Error(
        `OAuth provider spec for ${provider}: expected <client id>:<client secret>@<issuer URL>`,
      );
    }
    issuer = rest.slice(issuerAt + 1);
    rest = rest.slice(0, issuerAt);
  }

  const idEnd = rest.indexOf(":");
  const clientId = idEnd === -1 ? rest : rest.slice(0, idEnd);
  const clientSecret = idEnd === -1 ? "" : rest.slice(idEnd + 1);
  if (clientId.length === 0)
    throw new Error(`OAuth provider spec for ${provider}: the client id is missing`);
  if (clientSecret.length === 0) {
    throw new Error(`OAuth provider spec for ${provider}: the client secret is missing`);
  }

  const credentials = { clientId, clientSecret, ...(scopes ? { scopes } : {}) };
  switch (provider) {
    case "google":
      return googleConnection(credentials);
    case "github":
      return githubConnection(credentials);
    case "microsoft":
      return microsoftConnection(credentials);
    default:
      if (issuer === undefined)
        throw new Error(`OAuth provider spec for ${provider}: the issuer is missing`);
      return customOidcConnection(provider.slice("custom_".length), { ...credentials, issuer });
  }
}
