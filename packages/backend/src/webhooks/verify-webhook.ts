import { checkWebhookTimestamp } from "./internal/check-webhook-timestamp.js";
import { getHmacKey } from "./internal/hmac-key.js";
import { parseWebhookEvent } from "./internal/parse-webhook-event.js";
import { readEnvVar } from "./internal/read-env-var.js";
import { readPayload } from "./internal/read-payload.js";
import { readWebhookHeaders } from "./internal/read-webhook-headers.js";
import { verifyWebhookSignature } from "./verify-webhook-signature.js";
import type { WebhookEvent } from "./webhook-event.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

const SECRET_ENV_VAR = "CLERK_WEBHOOK_SIGNING_SECRET";

/** The default bound of {@link VerifyWebhookOptions.maxBodyBytes}: 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Options of {@link verifyWebhook}.
 *
 * @example
 * ```ts
 * const options: VerifyWebhookOptions = { signingSecret: env.CLERK_WEBHOOK_SIGNING_SECRET };
 * ```
 */
export interface VerifyWebhookOptions {
  /** The endpoint's `whsec_…` secret. Defaults to `process.env.CLERK_WEBHOOK_SIGNING_SECRET`. */
  signingSecret?: string;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /**
   * The largest body read, in bytes; a longer one is refused (`webhook-payload-too-large`)
   * without being read to its end. Default 1 MiB: Clerk's events are a few KB.
   */
  maxBodyBytes?: number;
}

/**
 * Verifies a Clerk webhook request and returns its event.
 *
 * Checks the `svix-id`, `svix-timestamp` and `svix-signature` headers (or the `webhook-*` names)
 * and the ±5 minute window first, then reads the raw body (up to `maxBodyBytes`), checks the
 * signature, and parses the envelope. A request that fails the header checks is refused before
 * its body is read. The request body is consumed.
 *
 * @throws WebhookVerificationError `webhook-missing-secret`, `webhook-invalid-secret`,
 *   `webhook-missing-headers`, `webhook-timestamp-invalid`, `webhook-timestamp-too-old`,
 *   `webhook-timestamp-too-new`, `webhook-payload-too-large`, `webhook-signature-invalid`,
 *   `webhook-payload-invalid`
 * @example
 * ```ts
 * // app/api/webhooks/route.ts
 * export async function POST(request: Request) {
 *   try {
 *     const event = await verifyWebhook(request);
 *     if (event.type === "user.created") await createLocalUser(event.data);
 *     return new Response(null, { status: 204 });
 *   } catch {
 *     return new Response("Invalid webhook", { status: 400 });
 *   }
 * }
 * ```
 */
export async function verifyWebhook(
  request: Request,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const secret = options.signingSecret || readEnvVar(SECRET_ENV_VAR);
  if (!secret) {
    throw new WebhookVerificationError(
      "webhook-missing-secret",
      `No webhook signing secret. Set the ${SECRET_ENV_VAR} environment variable or pass the signingSecret option.`,
    );
  }

  // The secret, then the headers and the timestamp, before the body is read: a request that
  // cannot be genuine costs no more than its headers.
  const now = options.now ?? Date.now;
  await getHmacKey(secret);
  checkWebhookTimestamp(readWebhookHeaders(request.headers).timestamp, now());
  const body = await readPayload(request, options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BODY_BYTES);

  await verifyWebhookSignature({
    payload: body,
    headers: request.headers,
    secret,
    now,
  });
  return parseWebhookEvent(body);
}
