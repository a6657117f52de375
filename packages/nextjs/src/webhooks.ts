// `@latchkey/nextjs/webhooks`: verify Clerk-signed webhook requests in route handlers.
export type { VerifyWebhookOptions, WebhookEvent, WebhookEventType } from "@latchkey/backend";
export { verifyWebhook, WebhookVerificationError } from "@latchkey/backend";
