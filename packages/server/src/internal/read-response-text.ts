/** The text of a response body read up to a size bound, and whether that was all of it. */
export interface BoundedText {
  text: string;
  /** False when the body went past the bound: `text` is then its first `maxBytes` bytes. */
  complete: boolean;
}

/**
 * Reads at most `maxBytes` of a response body as UTF-8, then stops reading and cancels the rest,
 * so an answer from a server the instance does not control (a webhook endpoint, an OAuth or
 * Cognito endpoint) cannot fill its memory however much it sends before the timeout.
 *
 * @example
 * const { text, complete } = await readResponseText(response, 64 * 1024);
 */
export async function readResponseText(response: Response, maxBytes: number): Promise<BoundedText> {
  if (response.body === null) return { text: "", complete: true };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel().catch(() => undefined);
      return { text: decode(chunks), complete: false };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: decode(chunks), complete: true };
}

function decode(chunks: readonly Uint8Array[]): string {
  return Buffer.concat(chunks).toString("utf8");
}
