import type { ExternalAccountRecord } from "../store/external-account-store.js";

/**
 * Serialises a user's account at a provider as Clerk's `ExternalAccount` (Backend and Frontend
 * API alike): `provider` is the strategy (`oauth_google`), `verification` the OAuth verification
 * that linked it. Tokens never appear (the Backend API's `oauth_access_tokens` hands them out).
 *
 * @example
 * externalAccountJson(account).provider; // "oauth_google"
 */
export function externalAccountJson(account: ExternalAccountRecord) {
  return {
    object: "external_account" as const,
    id: account.id,
    provider: account.strategy,
    identification_id: account.identificationId,
    provider_user_id: account.providerUserId,
    approved_scopes: account.approvedScopes,
    email_address: account.emailAddress ?? "",
    email_address_verified: account.emailAddressVerified,
    first_name: account.firstName ?? "",
    last_name: account.lastName ?? "",
    avatar_url: account.imageUrl ?? "",
    image_url: account.imageUrl,
    username: account.username,
    phone_number: null,
    public_metadata: account.publicMetadata,
    label: null,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    verification: {
      object: "verification_oauth" as const,
      status: "verified" as const,
      strategy: account.strategy,
      attempts: null,
      expire_at: account.createdAt,
    },
  };
}
