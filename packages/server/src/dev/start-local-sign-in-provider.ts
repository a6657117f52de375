import { randomBytes } from "node:crypto";
import { customOidcConnection, type OAuthConnection } from "../oauth/oauth-connection.js";
import type { DevConfig } from "./dev-config.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "./local-oidc-provider.js";

/** Where `@latchkey/nextjs` forwards the Frontend API on the app unless told otherwise. */
const DEFAULT_APP_PROXY_PATH = "/__clerk";

/** A local provider for `latchkey dev`, and the connection the instance offers for it. */
export interface LocalSignInProvider {
  provider: LocalOidcProvider;
  oauth: { connections: OAuthConnection[]; callbackUrl: string };
}

/**
 * Starts the local OpenID Connect provider a `latchkey.dev.json` asks for (`oauth.localProvider`)
 * on a free loopback port, with one client whose only redirect URI is the instance's callback as
 * the app forwards it (`<app><proxy path>/v1/oauth_callback`), and a fresh client secret per run.
 * The connection is `oauth_custom_local`, shown under the configured name.
 *
 * @example
 * const local = await startLocalSignInProvider(config.oauth.localProvider, "http://localhost:3000");
 * await startInstance({ oauth: local.oauth });
 */
export async function startLocalSignInProvider(
  settings: NonNullable<NonNullable<DevConfig["oauth"]>["localProvider"]>,
  appUrl: string,
  appProxyPath: string = DEFAULT_APP_PROXY_PATH,
): Promise<LocalSignInProvider> {
  const callbackUrl = `${new URL(appUrl).origin}${appProxyPath}/v1/oauth_callback`;
  const client = {
    clientId: "latchkey-dev",
    clientSecret: randomBytes(24).toString("base64url"),
    redirectUris: [callbackUrl],
  };
  const provider = await startLocalOidcProvider({
    port: 0,
    clients: [client],
    users: settings.users.map((user) => ({
      sub: `local-${user.email.toLowerCase()}`,
      email: user.email,
      emailVerified: user.emailVerified,
      givenName: user.firstName,
      familyName: user.lastName,
    })),
  });
  const connection = customOidcConnection("local", {
    issuer: provider.issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
  });
  return {
    provider,
    oauth: { connections: [{ ...connection, name: settings.name }], callbackUrl },
  };
}
