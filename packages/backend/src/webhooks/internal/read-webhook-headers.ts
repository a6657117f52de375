import { WebhookVerificationError } from "../webhook-verification-error.js";

/** Request headers as a `Headers` object or a plain record such as Node's `req.headers`. */
export type WebhookHeadersInput = Headers | Record<string, string | string[] | undefined>;

/** The three values a signature check needs. */
export interface WebhookHeaderValues {
  id: string;
  timestamp: string;
  signature: string;
}

type HeaderField = keyof WebhookHeaderValues;

/** Svix names first, then the Standard Webhooks names. */
const HEADER_NAMES: Record<HeaderField, readonly [svix: string, standard: string]> = {
  id: ["svix-id", "webhook-id"],
  timestamp: ["svix-timestamp", "webhook-timestamp"],
  signature: ["svix-signature", "webhook-signature"],
};

/**
 * Reads `svix-id`, `svix-timestamp` and `svix-signature`, or their `webhook-*` equivalents.
 *
 * @throws WebhookVerificationError `webhook-missing-headers`, naming every absent header.
 */
export function readWebhookHeaders(headers: WebhookHeadersInput): WebhookHeaderValues {
  const read = headerReader(headers);
  const values: Partial<WebhookHeaderValues> = {};
  const missing: string[] = [];
  for (const field of Object.keys(HEADER_NAMES) as HeaderField[]) {
    const [svixName, standardName] = HEADER_NAMES[field];
    const value = read(svixName, field) ?? read(standardName, field);
    if (value === undefined) missing.push(`${svixName} (or ${standardName})`);
    else values[field] = value;
  }
  if (missing.length > 0 || !values.id || !values.timestamp || !values.signature) {
    throw new WebhookVerificationError(
      "webhook-missing-headers",
      `Missing required webhook header${missing.length === 1 ? "" : "s"}: ${missing.join(", ")}.`,
    );
  }
  return { id: values.id, timestamp: values.timestamp, signature: values.signature };
}

type Reader = (name: string, field: HeaderField) => string | undefined;

function headerReader(headers: WebhookHeadersInput): Reader {
  if (isHeadersLike(headers)) {
    return (name) => nonEmpty(headers.get(name));
  }
  const record = headers as Record<string, unknown>;
  return (name, field) => {
    let raw = Object.hasOwn(record, name) ? record[name] : undefined;
    if (raw === undefined) {
      // Plain records are not always lower-cased (hand-built objects, some frameworks).
      for (const key of Object.keys(record)) {
        if (key.toLowerCase() === name) {
          raw = record[key];
          break;
        }
      }
    }
    if (typeof raw === "string") return nonEmpty(raw);
    if (Array.isArray(raw)) {
      const parts = raw
        .map((part: unknown) => (typeof part === "string" ? part.trim() : ""))
        .filter((part) => part !== "");
      if (parts.length === 0) return undefined;
      // Repeated signature headers each carry a list; other headers keep their first value.
      return field === "signature" ? parts.join(" ") : parts[0];
    }
    return undefined;
  };
}

function isHeadersLike(value: WebhookHeadersInput): value is Headers {
  return typeof (value as { get?: unknown }).get === "function";
}

function nonEmpty(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
