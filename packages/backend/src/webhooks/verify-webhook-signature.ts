import { decodeBase64 } from "./internal/base64.js";
import { checkWebhookTimestamp } from "./internal/check-webhook-timestamp.js";
import { computeSignature } from "./internal/compute-signature.js";
import { constantTimeEqual } from "./internal/constant-time-equal.js";
import { getHmacKey } from "./internal/hmac-key.js";
import { readWebhookHeaders, type WebhookHeadersInput } from "./internal/read-webhook-headers.js";
import { WebhookVerificationError } from "./webhook-verification-error.js";

/** HMAC-SHA256 output length; candidates of any other length cannot match. */
const SIGNATURE_BYTES = 32;

/**
 * Arguments of {@link verifyWebhookSignature}.
 *
 * @example
 * ```ts
 * const params: VerifyWebhookSignatureParams = { payload: rawBody, headers: req.headers, secret };
 * ```
 */
export interface VerifyWebhookSignatureParams {
  /** The raw request body, exactly as received (before any JSON parsing). */
  payload: string | Uint8Array;
  /** A `Headers` object, or a plain record such as Node's `req.headers`. */
  headers: WebhookHeadersInput;
  /** The endpoint's signing secret, `whsec_…` (the prefix is optional). */
  secret: string;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * What a successful check vouches for: the message id (use it to drop redeliveries) and the
 * signed timestamp in seconds.
 *
 * @example
 * ```ts
 * const { id } = await verifyWebhookSignature({ payload, headers, secret });
 * if (await alreadyHandled(id)) return;
 * ```
 */
export interface VerifiedWebhookSignature {
  id: string;
  timestamp: number;
}

/**
 * Checks a Standard Webhooks / Svix signature over a raw payload, without parsing it.
 *
 * Accepts `svix-*` or `webhook-*` headers. The signature header may list several
 * space-separated `v1,<base64>` entries; one match is enough and other versions are ignored.
 * The timestamp must be within five minutes of `now`.
 *
 * @throws WebhookVerificationError `webhook-missing-secret`, `webhook-invalid-secret`,
 *   `webhook-missing-headers`, `webhook-timestamp-invalid`, `webhook-timestamp-too-old`,
 *   `webhook-timestamp-too-new`, `webhook-signature-invalid`
 * @example
 * ```ts
 * // Express, with express.raw({ type: "application/json" }) on the route
 * app.post("/webhooks/clerk", async (req, res) => {
 *   await verifyWebhookSignature({ payload: req.body, headers: req.headers, secret });
 *   const event = JSON.parse(req.body.toString("utf8"));
 *   res.sendStatus(204);
 * });
 * ```
 */
export async function verifyWebhookSignature(
  params: VerifyWebhookSignatureParams,
): Promise<VerifiedWebhookSignature> {
  const { payload, headers, secret, now = Date.now } = params;

  // Configuration first: a bad secret is the operator's problem whatever the request holds.
  const key = await getHmacKey(secret);
  const { id, timestamp, signature } = readWebhookHeaders(headers);
  const signedAt = checkWebhookTimestamp(timestamp, now());

  const expected = await computeSignature(key, id, timestamp, payload);
  let matched = false;
  for (const candidate of v1Signatures(signature)) {
    // No early exit: every candidate is compared, each in constant time.
    if (constantTimeEqual(candidate, expected)) matched = true;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      "webhook-signature-invalid",
      "No webhook signature matches the payload. Check the signing secret and that the body is passed unmodified.",
    );
  }
  return { id, timestamp: signedAt };
}

/** Decoded `v1` entries of a signature header; malformed entries and other versions are skipped. */
function* v1Signatures(header: string): Generator<Uint8Array> {
  for (const entry of header.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma === -1 || entry.slice(0, comma) !== "v1") continue;
    const bytes = decodeBase64(entry.slice(comma + 1));
    if (bytes !== undefined && bytes.length === SIGNATURE_BYTES) yield bytes;
  }
}
