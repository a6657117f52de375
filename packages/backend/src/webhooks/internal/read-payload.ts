import { WebhookVerificationError } from "../webhook-verification-error.js";

/**
 * A request's body, read to at most `maxBytes`: a declared `Content-Length` past it is refused
 * before anything is read, and a stream that goes past it is cancelled there, so a body of any
 * size costs at most `maxBytes` of memory.
 *
 * @throws WebhookVerificationError `webhook-payload-too-large` past the bound;
 *   `webhook-payload-invalid` when the body cannot be read (already consumed, or the stream fails)
 */
export async function readPayload(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new WebhookVerificationError(
      "webhook-payload-too-large",
      `The webhook body is larger than ${maxBytes} bytes (raise the maxBodyBytes option if your events are).`,
    );
  const unreadable = (cause?: unknown) =>
    new WebhookVerificationError(
      "webhook-payload-invalid",
      "The webhook request body could not be read (was it already consumed?).",
      { cause },
    );
  if (request.bodyUsed) throw unreadable();
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (cause) {
    throw cause instanceof WebhookVerificationError ? cause : unreadable(cause);
  }
  const payload = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    payload.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return payload;
}
