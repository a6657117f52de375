import { ApiError } from "../../errors/api-error.js";
import { createOAuthClient, type OAuthClient } from "../../oauth/oauth-client.js";
import type { OAuthConnection } from "../../oauth/oauth-connection.js";
import {
  createProviderTokenCipher,
  type ProviderTokenCipher,
} from "../../oauth/provider-token-cipher.js";

/** The instance's social connections, their clients and the cipher for provider tokens. */
export interface OAuthConnections {
  /** Enabled connections, in the order configured (the order of the sign-in buttons). */
  readonly list: readonly OAuthConnection[];
  /** Encrypts provider tokens and PKCE verifiers at rest. */
  readonly cipher: ProviderTokenCipher;
  /**
   * The client of an enabled strategy (`oauth_google`…).
   * @throws `oauth_strategy_not_enabled` (422, `strategy`) for any other
   */
  client(strategy: string): OAuthClient;
}

/**
 * Builds the connections' clients once at start-up (each caches its provider's discovery
 * document and keys), with the cipher keyed by the instance's secret key.
 *
 * @throws Error when two connections share a strategy
 * @example
 * const oauth = createOAuthConnections([googleConnection({ clientId, clientSecret })], { secretKey, now });
 */
export function createOAuthConnections(
  connections: readonly OAuthConnection[],
  deps: { secretKey: string; now: () => number; fetch?: typeof fetch },
): OAuthConnections {
  const clients = new Map<string, OAuthClient>();
  for (const connection of connections) {
    if (clients.has(connection.strategy)) {
      throw new Error(`The OAuth connection ${connection.strategy} is configured twice.`);
    }
    clients.set(
      connection.strategy,
      createOAuthClient(connection, {
        now: deps.now,
        ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
      }),
    );
  }
  return {
    list: [...connections],
    cipher: createProviderTokenCipher(deps.secretKey),
    client(strategy) {
      const client = clients.get(strategy);
      if (client === undefined) {
        throw new ApiError("oauth_strategy_not_enabled", { paramName: "strategy" });
      }
      return client;
    },
  };
}
