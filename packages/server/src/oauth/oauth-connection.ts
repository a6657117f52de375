/** How a provider is spoken to: OpenID Connect with discovery, or GitHub's own OAuth API. */
export type OAuthConnectionKind = "oidc" | "github";

/** One configured sign-in provider: who it is in Clerk's JSON, and how to reach it. */
export interface OAuthConnection {
  /** Clerk's strategy name: "oauth_google", "oauth_github", "oauth_microsoft", "oauth_custom_<name>" */
  strategy: string;
  /** Provider key as Clerk names it in JSON: "google", "github", "microsoft", "custom_<name>" */
  provider: string;
  /** Shown on buttons: "Google", "GitHub", "Microsoft", or the custom name */
  name: string;
  kind: OAuthConnectionKind;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  /** OIDC: issuer URL used for discovery (`<issuer>/.well-known/openid-configuration`). */
  issuer?: string;
  /** GitHub (and tests/GHES): endpoint overrides. */
  endpoints?: { authorization?: string; token?: string; user?: string; emails?: string };
}

/** The client credentials every provider needs, and optional scopes replacing the defaults. */
export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
  scopes?: readonly string[];
}

/** Microsoft's multi-tenant issuer; its discovery names `{tenantid}` in place of the tenant. */
export const MICROSOFT_COMMON_ISSUER = "https://login.microsoftonline.com/common/v2.0";

/** The `issuer` Microsoft's multi-tenant discovery document holds. */
export const MICROSOFT_ISSUER_TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";

const OIDC_SCOPES = ["openid", "email", "profile"] as const;
const CUSTOM_NAME = /^[a-z0-9_]{1,32}$/;

function requireCredentials(provider: string, credentials: OAuthCredentials): void {
  if (credentials.clientId.length === 0) throw new Error(`${provider}: the client id is empty`);
  if (credentials.clientSecret.length === 0) {
    throw new Error(`${provider}: the client secret is empty`);
  }
}

/**
 * Sign in with Google (OpenID Connect, issuer `https://accounts.google.com`).
 *
 * @throws Error when the client id or secret is empty.
 * @example
 * const google = googleConnection({ clientId: "…apps.googleusercontent.com", clientSecret });
 */
export function googleConnection(credentials: OAuthCredentials): OAuthConnection {
  requireCredentials("google", credentials);
  return {
    strategy: "oauth_google",
    provider: "google",
    name: "Google",
    kind: "oidc",
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    scopes: credentials.scopes ?? OIDC_SCOPES,
    issuer: "https://accounts.google.com",
  };
}

/**
 * Sign in with Microsoft, any tenant (issuer `https://login.microsoftonline.com/common/v2.0`). ID
 * tokens are checked against the issuer of the tenant they name in `tid`.
 *
 * @throws Error when the client id or secret is empty.
 * @example
 * const microsoft = microsoftConnection({ clientId: appId, clientSecret });
 */
export function microsoftConnection(credentials: OAuthCredentials): OAuthConnection {
  requireCredentials("microsoft", credentials);
  return {
    strategy: "oauth_microsoft",
    provider: "microsoft",
    name: "Microsoft",
    kind: "oidc",
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    scopes: credentials.scopes ?? OIDC_SCOPES,
    issuer: MICROSOFT_COMMON_ISSUER,
  };
}

/**
 * Sign in with GitHub (OAuth app or GitHub App user tokens; scopes `read:user user:email`).
 * `endpoints` points it at GitHub Enterprise Server or a test double.
 *
 * @throws Error when the client id or secret is empty.
 * @example
 * const github = githubConnection({ clientId: "Iv1.…", clientSecret });
 */
export function githubConnection(
  credentials: OAuthCredentials & { endpoints?: OAuthConnection["endpoints"] },
): OAuthConnection {
  requireCredentials("github", credentials);
  return {
    strategy: "oauth_github",
    provider: "github",
    name: "GitHub",
    kind: "github",
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    scopes: credentials.scopes ?? ["read:user", "user:email"],
    endpoints: {
      authorization: "https://github.com/login/oauth/authorize",
      token: "https://github.com/login/oauth/access_token",
      user: "https://api.github.com/user",
      emails: "https://api.github.com/user/emails",
      ...credentials.endpoints,
    },
  };
}

/**
 * Any OpenID Connect provider found by discovery at `issuer`, as strategy `oauth_custom_<name>`.
 *
 * @throws Error when `name` is not 1–32 of `a-z 0-9 _`, the issuer is not an http(s) URL, or the
 *   client id or secret is empty.
 * @example
 * const okta = customOidcConnection("okta", { issuer: "https://acme.okta.com", clientId, clientSecret });
 * okta.strategy; // "oauth_custom_okta"
 */
export function customOidcConnection(
  name: string,
  options: OAuthCredentials & { issuer: string },
): OAuthConnection {
  if (!CUSTOM_NAME.test(name)) {
    throw new Error(
      `custom provider name ${JSON.stringify(name)} must be 1-32 characters of a-z, 0-9 and _`,
    );
  }
  requireCredentials(`custom_${name}`, options);
  let issuer: URL;
  try {
    issuer = new URL(options.issuer);
  } catch {
    throw new Error(`custom_${name}: the issuer ${JSON.stringify(options.issuer)} is not a URL`);
  }
  if (issuer.protocol !== "https:" && issuer.protocol !== "http:") {
    throw new Error(`custom_${name}: the issuer must be an http(s) URL`);
  }
  return {
    strategy: `oauth_custom_${name}`,
    provider: `custom_${name}`,
    name,
    kind: "oidc",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    scopes: options.scopes ?? OIDC_SCOPES,
    issuer: options.issuer,
  };
}
