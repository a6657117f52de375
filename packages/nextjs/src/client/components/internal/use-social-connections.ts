import { useClerkState } from "../../internal/clerk-context.js";
import type { OAuthStrategy } from "../../internal/resources/authenticate-with-redirect.js";

/** A social connection a button is shown for. */
export interface SocialConnection {
  strategy: OAuthStrategy;
  /** The provider's name as people know it ("Google"). */
  name: string;
}

/**
 * The instance's enabled social connections (`user_settings.social` of its environment), in the
 * order it lists them; empty until the environment has loaded.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * const connections = useSocialConnections(); // [{ strategy: "oauth_google", name: "Google" }]
 */
export function useSocialConnections(): SocialConnection[] {
  const social = useClerkState("useSocialConnections").environment?.user_settings?.social ?? {};
  const connections: SocialConnection[] = [];
  for (const [key, connection] of Object.entries(social)) {
    const strategy = connection?.strategy ?? key;
    if (!connection?.enabled || connection.authenticatable === false) continue;
    if (!strategy.startsWith("oauth_")) continue;
    connections.push({ strategy: strategy as OAuthStrategy, name: connection.name || strategy });
  }
  return connections;
}
