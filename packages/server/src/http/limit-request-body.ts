import { ApiError } from "../errors/api-error.js";

/** Largest ordinary request body (JSON or form), in bytes: far above any field limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Largest upload (a profile image), in bytes. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("request_body_too_large", {
    longMessage: `The request body exceeds the maximum allowed size of ${maxBytes} bytes.`,
    meta: { max_bytes: maxBytes },
  });
}

/**
 * Caps a request's body at `maxBytes`, on the stream itself: a declared `Content-Length` over
 * the cap is refused at once, and a body without one (chunked, or a stream handed in-process) is
 * counted as it is read, so the read fails as soon as the cap is passed. Nothing downstream sees
 * more than `maxBytes` bytes, whatever the headers say.
 *
 * @throws ApiError `request_body_too_large` (413) when `Content-Length` says the body is too
 *   large; a body that turns out too large while read rejects the read with the same error
 * @example
 * const capped = limitRequestBody(request, DEFAULT_MAX_BODY_BYTES);
 * const text = await capped.text(); // rejects with request_body_too_large past 1 MiB
 */
export function limitRequestBody(request: Request, maxBytes: number): Request {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  // GET and HEAD requests have no body (Fetch forbids one); reading `body` would make the Node
  // adapter build its full Request for nothing.
  if (request.method === "GET" || request.method === "HEAD") return request;
  if (request.body === null) return request;
  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
    { preventCancel: true },
  );
  return new Request(request, { body: counted, duplex: "half" } as RequestInit);
}
