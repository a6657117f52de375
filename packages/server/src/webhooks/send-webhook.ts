import { readResponseText } from "../internal/read-response-text.js";
import type { ClaimedWebhookDelivery } from "../store/webhook-store.js";
import { signWebhook } from "./sign-webhook.js";

/** The result of one HTTP attempt. `error` is short and never contains the endpoint's secrets. */
export type WebhookSendResult =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string };

/** Options of {@link sendWebhook}. */
export interface SendWebhookOptions {
  fetch: typeof fetch;
  /** Epoch milliseconds of this attempt (its `svix-timestamp`, in seconds). */
  now: number;
  /** Abort the request (and reading its answer) after this long. */
  timeoutMs: number;
  userAgent: string;
}

const SNIPPET_LENGTH = 200;
/** What is read of an endpoint's answer for the snippet; the rest is never downloaded. */
const SNIPPET_READ_BYTES = 4096;

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const part of [secret, secret.replace(/^whsec_/, "")]) {
      if (part !== "") out = out.split(part).join("[redacted]");
    }
  }
  return out;
}

function describeThrown(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `timed out after ${timeoutMs} ms`;
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return `network error (${cause.code})`;
  return `network error (${error instanceof Error ? error.name : typeof error})`;
}

/** The start of an endpoint's answer, redacted before it is cut (no secret survives in part). */
async function readSnippet(response: Response, secrets: readonly string[]): Promise<string> {
  try {
    const read = await readResponseText(response, SNIPPET_READ_BYTES);
    const text = redact(read.text, secrets).replace(/\s+/g, " ").trim();
    return text.length > SNIPPET_LENGTH || !read.complete
      ? `${text.slice(0, SNIPPET_LENGTH)}…`
      : text;
  } catch {
    return "";
  }
}

/**
 * Sends one attempt of a delivery: POSTs the event envelope with Standard Webhooks / Svix headers
 * (`svix-id` is the event's stable id, `svix-timestamp` this attempt's time, `svix-signature` one
 * `v1,` signature per secret; `webhook-*` aliases too). A 2xx answer is a success; anything else,
 * a timeout or a network error is a failure described without secrets or the URL. Redirects are
 * not followed. Never throws.
 *
 * @example
 * const result = await sendWebhook(claimed, { fetch, now: Date.now(), timeoutMs: 15_000, userAgent });
 */
export async function sendWebhook(
  delivery: ClaimedWebhookDelivery,
  options: SendWebhookOptions,
): Promise<WebhookSendResult> {
  const timestamp = Math.floor(options.now / 1000);
  let signature: string;
  try {
    signature = signWebhook({
      id: delivery.eventId,
      timestamp,
      body: delivery.body,
      secrets: delivery.secrets,
    });
  } catch {
    return { ok: false, statusCode: null, error: "the endpoint's signing secret is malformed" };
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await options.fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": options.userAgent,
        "svix-id": delivery.eventId,
        "svix-timestamp": String(timestamp),
        "svix-signature": signature,
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      },
      body: delivery.body,
      redirect: "manual",
      signal,
    });
  } catch (error) {
    return { ok: false, statusCode: null, error: describeThrown(error, signal, options.timeoutMs) };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => {});
    return { ok: true, statusCode: response.status };
  }
  const snippet = await readSnippet(response, delivery.secrets);
  const error = snippet === "" ? `HTTP ${response.status}` : `HTTP ${response.status}: ${snippet}`;
  return { ok: false, statusCode: response.status, error: redact(error, delivery.secrets) };
}
