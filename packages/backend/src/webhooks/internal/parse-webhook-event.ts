import type { WebhookEvent } from "../webhook-event.js";
import { WebhookVerificationError } from "../webhook-verification-error.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses a verified body into an event envelope. Only the envelope is checked; `data` is passed
 * through as Clerk sent it.
 *
 * @throws WebhookVerificationError `webhook-payload-invalid`
 */
export function parseWebhookEvent(body: Uint8Array): WebhookEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch (cause) {
    throw invalid("The webhook body is not valid UTF-8 JSON.", cause);
  }
  if (!isRecord(parsed)) throw invalid("The webhook body is not a JSON object.");

  const { type, object, data, timestamp, instance_id, event_attributes } = parsed;
  if (object !== "event") throw invalid('The webhook body\'s "object" is not "event".');
  if (typeof type !== "string" || type === "") {
    throw invalid('The webhook body has no string "type".');
  }
  if (!isRecord(data)) throw invalid('The webhook body\'s "data" is not an object.');
  if (typeof timestamp !== "number" || !Number.isFinite(timestamp)) {
    throw invalid('The webhook body\'s "timestamp" is not a number.');
  }
  if (typeof instance_id !== "string") {
    throw invalid('The webhook body\'s "instance_id" is not a string.');
  }
  if (event_attributes !== undefined && !isRecord(event_attributes)) {
    throw invalid('The webhook body\'s "event_attributes" is not an object.');
  }

  // Types Clerk adds later pass through too; the union names the ones known today.
  return { ...parsed, event_attributes: event_attributes ?? {} } as WebhookEvent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(message: string, cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError(
    "webhook-payload-invalid",
    message,
    cause === undefined ? undefined : { cause },
  );
}
