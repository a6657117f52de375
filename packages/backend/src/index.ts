export type {
  AuthObject,
  CheckAuthorizationParams,
  GetTokenOptions,
  SignedInAuthObject,
  SignedOutAuthObject,
  TemplateTokenFetcher,
} from "./auth/auth-object.js";
export { signedInAuthObject, signedOutAuthObject } from "./auth/auth-object.js";
export type { AuthenticateRequestOptions } from "./auth/authenticate-request.js";
export { authenticateRequest } from "./auth/authenticate-request.js";
export type {
  AuthErrorReason,
  NeedsRenewalState,
  RequestState,
  SignedInState,
  SignedOutState,
} from "./auth/request-state.js";
export { AuthStatus } from "./auth/request-state.js";
export type { SessionAuthProperties } from "./auth/session-auth-properties.js";
export { sessionAuthProperties } from "./auth/session-auth-properties.js";
export type { ClerkClient, ClerkClientOptions } from "./create-clerk-client.js";
export { createClerkClient } from "./create-clerk-client.js";
export { BackendError } from "./errors/backend-error.js";
export type { ClerkAPIError, ClerkAPIErrorMeta } from "./errors/clerk-api-response-error.js";
export { ClerkAPIResponseError } from "./errors/clerk-api-response-error.js";
export { ClerkNetworkError } from "./errors/clerk-network-error.js";
export type { JwtHeader, JwtPayload, OrganizationClaim } from "./tokens/jwt-payload.js";
export type { TokenVerificationErrorReason } from "./tokens/token-verification-error.js";
export { TokenVerificationError } from "./tokens/token-verification-error.js";
export { verifyToken } from "./tokens/verify-token.js";
export type { VerifyTokenOptions } from "./tokens/verify-token-options.js";
export type { SignWebhookPayloadParams } from "./webhooks/sign-webhook-payload.js";
export { signWebhookPayload } from "./webhooks/sign-webhook-payload.js";
export type { VerifyWebhookOptions } from "./webhooks/verify-webhook.js";
export { verifyWebhook } from "./webhooks/verify-webhook.js";
export type {
  VerifiedWebhookSignature,
  VerifyWebhookSignatureParams,
} from "./webhooks/verify-webhook-signature.js";
export { verifyWebhookSignature } from "./webhooks/verify-webhook-signature.js";
export type {
  DeletedWebhookEventData,
  WebhookEvent,
  WebhookEventAttributes,
  WebhookEventData,
  WebhookEventType,
} from "./webhooks/webhook-event.js";
export type { WebhookVerificationErrorCode } from "./webhooks/webhook-verification-error.js";
export { WebhookVerificationError } from "./webhooks/webhook-verification-error.js";
