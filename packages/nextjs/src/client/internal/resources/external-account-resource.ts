import type { ExternalAccountJson } from "./fapi-json.js";
import type { ResourceHost } from "./resource-host.js";
import { type Verification, verification } from "./verification.js";

/** The user's account at a social provider (Clerk's `ExternalAccountResource`, the parts apps read). */
export interface ExternalAccountResource {
  id: string;
  /** The connection's strategy, e.g. `oauth_google`. */
  provider: string;
  /** The person's id at the provider (the ID token's `sub`). */
  providerUserId: string;
  emailAddress: string;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  username: string | null;
  verification: Verification | null;
  /** Disconnects the account from the user (`DELETE /v1/me/external_accounts/{id}`). */
  destroy(): Promise<void>;
}

/**
 * Builds an {@link ExternalAccountResource}; `destroy()` disconnects it and reloads the client,
 * so `user.externalAccounts` no longer lists it.
 *
 * @throws (from `destroy`) `ClerkAPIResponseError` (`resource_not_found`…).
 * @example
 * const [google] = user.externalAccounts;
 * await google?.destroy();
 */
export function externalAccountResource(
  host: ResourceHost,
  json: ExternalAccountJson,
): ExternalAccountResource {
  return {
    id: json.id,
    provider: json.provider,
    providerUserId: json.provider_user_id,
    emailAddress: json.email_address,
    firstName: json.first_name,
    lastName: json.last_name,
    imageUrl: json.image_url,
    username: json.username ?? null,
    verification: verification(json.verification),
    async destroy() {
      await host.call("DELETE", `/v1/me/external_accounts/${encodeURIComponent(json.id)}`);
      await host.reloadClient();
    },
  };
}
