export {
  type BackendApiClient,
  type BackendApiClientOptions,
  createBackendApiClient,
} from "./api/create-backend-api-client.js";
export type { InvitationStatus } from "./api/invitations-api.js";
export type { Client } from "./api/resources/client.js";
export type { DeletedObject } from "./api/resources/deleted-object.js";
export type { EmailAddress } from "./api/resources/email-address.js";
export type { Invitation } from "./api/resources/invitation.js";
export type { Jwk, Jwks } from "./api/resources/jwks.js";
export type { JwtTemplate } from "./api/resources/jwt-template.js";
export type { OauthAccessToken } from "./api/resources/oauth-access-token.js";
export type { Organization } from "./api/resources/organization.js";
export type {
  OrganizationInvitation,
  OrganizationInvitationStatus,
} from "./api/resources/organization-invitation.js";
export type {
  OrganizationMembership,
  OrganizationMembershipPublicUserData,
} from "./api/resources/organization-membership.js";
export type { PaginatedResourceResponse } from "./api/resources/paginated-list.js";
export type { PhoneNumber } from "./api/resources/phone-number.js";
export type { Session } from "./api/resources/session.js";
export type { Token } from "./api/resources/token.js";
export type { ExternalAccount, User, Web3Wallet } from "./api/resources/user.js";
export type { IdentificationLink, Verification } from "./api/resources/verification.js";
export type { SessionStatus } from "./api/sessions-api.js";
export {
  type AuthObject,
  type CheckAuthorizationParams,
  type GetTokenOptions,
  type SignedInAuthObject,
  type SignedOutAuthObject,
  signedInAuthObject,
  signedOutAuthObject,
  type TemplateTokenFetcher,
} from "./auth/auth-object.js";
export {
  type AuthenticateRequestOptions,
  authenticateRequest,
} from "./auth/authenticate-request.js";
export {
  type AuthErrorReason,
  AuthStatus,
  type NeedsRenewalState,
  type RequestState,
  type SignedInState,
  type SignedOutState,
} from "./auth/request-state.js";
export {
  type SessionAuthProperties,
  sessionAuthProperties,
} from "./auth/session-auth-properties.js";
export {
  type ClerkClient,
  type ClerkClientOptions,
  createClerkClient,
} from "./create-clerk-client.js";
export { BackendError } from "./errors/backend-error.js";
export {
  type ClerkAPIError,
  type ClerkAPIErrorMeta,
  ClerkAPIResponseError,
} from "./errors/clerk-api-response-error.js";
export { ClerkNetworkError } from "./errors/clerk-network-error.js";
export type { JwtHeader, JwtPayload, OrganizationClaim } from "./tokens/jwt-payload.js";
export {
  TokenVerificationError,
  type TokenVerificationErrorReason,
} from "./tokens/token-verification-error.js";
export { verifySessionToken } from "./tokens/verify-session-token.js";
export { verifyToken } from "./tokens/verify-token.js";
export type { VerifyTokenOptions } from "./tokens/verify-token-options.js";
export {
  type SignWebhookPayloadParams,
  signWebhookPayload,
} from "./webhooks/sign-webhook-payload.js";
export { type VerifyWebhookOptions, verifyWebhook } from "./webhooks/verify-webhook.js";
export {
  type VerifiedWebhookSignature,
  type VerifyWebhookSignatureParams,
  verifyWebhookSignature,
} from "./webhooks/verify-webhook-signature.js";
export type {
  DeletedWebhookEventData,
  WebhookEvent,
  WebhookEventAttributes,
  WebhookEventData,
  WebhookEventType,
} from "./webhooks/webhook-event.js";
export {
  WebhookVerificationError,
  type WebhookVerificationErrorCode,
} from "./webhooks/webhook-verification-error.js";
