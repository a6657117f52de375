import { type ClientsApi, createClientsApi } from "./clients-api.js";
import { createEmailAddressesApi, type EmailAddressesApi } from "./email-addresses-api.js";
import { createInvitationsApi, type InvitationsApi } from "./invitations-api.js";
import { createJwksApi, type JwksApi } from "./jwks-api.js";
import { createJwtTemplatesApi, type JwtTemplatesApi } from "./jwt-templates-api.js";
import { createOrganizationsApi, type OrganizationsApi } from "./organizations-api.js";
import { createPhoneNumbersApi, type PhoneNumbersApi } from "./phone-numbers-api.js";
import { type BackendApiRequestConfig, createBackendApiRequest } from "./request.js";
import { createSessionsApi, type SessionsApi } from "./sessions-api.js";
import { createUsersApi, type UsersApi } from "./users-api.js";

/** Options of {@link createBackendApiClient}; the same names `createClerkClient` takes. */
export interface BackendApiClientOptions extends BackendApiRequestConfig {
  /** Secret key (`sk_test_…` / `sk_live_…`). Optional here; calls fail without it. */
  secretKey?: string | undefined;
  /** Backend API origin; defaults to `https://api.clerk.com`. */
  apiUrl?: string | undefined;
  /** Path version; defaults to `v1`. */
  apiVersion?: string | undefined;
  /** `fetch` implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Not used by the API client; read by token verification. */
  jwtKey?: string | undefined;
  /** Not used by the API client; read by request authentication. */
  publishableKey?: string | undefined;
  /** Not used by the API client; read by token verification. */
  authorizedParties?: string[] | undefined;
}

/** The Backend API resources, named as on `@clerk/backend`'s client. */
export interface BackendApiClient {
  users: UsersApi;
  emailAddresses: EmailAddressesApi;
  phoneNumbers: PhoneNumbersApi;
  sessions: SessionsApi;
  jwtTemplates: JwtTemplatesApi;
  organizations: OrganizationsApi;
  invitations: InvitationsApi;
  clients: ClientsApi;
  jwks: JwksApi;
}

/**
 * Creates a Clerk-compatible Backend API client.
 *
 * Construction never fails; a call without a secret key does. Reads (`GET`) are retried on
 * 429/502/503/504 and transport failures (at most 3 retries, exponential back-off with jitter,
 * `Retry-After` honoured); writes are never retried.
 *
 * @throws BackendError `secret-key-missing` (at call time) when `secretKey` is not set.
 * @throws BackendError `invalid-resource-id` when a method gets an empty id.
 * @throws ClerkAPIResponseError `api-response-error` when the API answers non-2xx.
 * @throws ClerkNetworkError `network-error` when the API is unreachable or its answer is cut off.
 * @throws BackendError `api-response-invalid` when a 2xx answer is not JSON or not the expected shape.
 * @example
 * ```ts
 * const api = createBackendApiClient({ secretKey: process.env.CLERK_SECRET_KEY });
 * const user = await api.users.getUser("user_2abc");
 * await api.users.updateUserMetadata(user.id, { publicMetadata: { plan: "pro" } });
 * ```
 */
export function createBackendApiClient(options: BackendApiClientOptions = {}): BackendApiClient {
  const request = createBackendApiRequest(options);
  return {
    users: createUsersApi(request),
    emailAddresses: createEmailAddressesApi(request),
    phoneNumbers: createPhoneNumbersApi(request),
    sessions: createSessionsApi(request),
    jwtTemplates: createJwtTemplatesApi(request),
    organizations: createOrganizationsApi(request),
    invitations: createInvitationsApi(request),
    clients: createClientsApi(request),
    jwks: createJwksApi(request),
  };
}
