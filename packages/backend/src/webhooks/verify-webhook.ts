import { parseWebhookEvent } from "./internal/parse-webhook-event.js";
import { readEnvVar } from "./internal/read-env-var.js";
import { verifyWebhookSignature } from "./verify-webhook-signature.js";
import type { WebhookEvent } from "./webhook-event.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

const SECRET_ENV_VAR = "CLERK_WEBHOOK_SIGNING_SECRET";

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
}

/**
 * Verifies a Clerk webhook request and returns its event.
 *
 * Reads the raw body and the `svix-id`, `svix-timestamp` and `svix-signature` headers (or the
 * `webhook-*` names), checks the signature and the ±5 minute window, then parses the envelope.
 * The request body is consumed.
 *
 * @throws WebhookVerificationError `webhook-missing-secret`, `webhook-invalid-secret`,
 *   `webhook-missing-headers`, `webhook-timestamp-invalid`, `webhook-timestamp-too-old`,
 *   `webhook-timestamp-too-new`, `webhook-signature-invalid`, `webhook-payload-invalid`
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

  let body: Uint8Array;
  try {
    body = new Uint8Array(await request.arrayBuffer());
  } catch (cause) {
    throw new WebhookVerificationError(
      "webhook-payload-invalid",
      "The webhook request body could not be read (was it already consumed?).",
      { cause },
    );
  }

  await verifyWebhookSignature({
    payload: body,
    headers: request.headers,
    secret,
    now: options.now,
  });
  return parseWebhookEvent(body);
}
