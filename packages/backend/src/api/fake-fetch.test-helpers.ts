/** One request the client sent to the fake `fetch`, decoded for assertions. */
export interface RecordedCall {
  method: string;
  url: URL;
  /** Path below the version prefix, e.g. `/users/user_1`. */
  path: string;
  /** Query as name → every value sent, in order. */
  query: Record<string, string[]>;
  headers: Headers;
  /** Decoded JSON body, when the body was JSON. */
  json?: unknown;
  /** Multipart body, when the body was FormData. */
  form?: FormData;
  /** Raw body text for JSON bodies. */
  bodyText?: string;
}

/** What the fake server answers: a ready Response, or JSON to send with status 200. */
export type FakeReply = Response | ((call: RecordedCall) => Response | Promise<Response>);

/** A JSON response with the exact content type Clerk's servers use. */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify(body), { ...init, headers });
}

async function record(input: RequestInfo | URL, init?: RequestInit): Promise<RecordedCall> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    const values = query[key] ?? [];
    values.push(value);
    query[key] = values;
  }
  const call: RecordedCall = {
    method: request.method,
    url,
    path: url.pathname.replace(/^\/v1/, ""),
    query,
    headers: request.headers,
  };
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    call.form = await request.formData();
  } else if (request.body) {
    call.bodyText = await request.text();
    call.json = JSON.parse(call.bodyText);
  }
  return call;
}

/**
 * A `fetch` that records every call and answers through `reply`. Pass it as the client's
 * `fetch` option; nothing global is patched.
 */
export function createFakeFetch(reply: (call: RecordedCall) => Response | Promise<Response>): {
  fetch: typeof fetch;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = await record(input, init);
    calls.push(call);
    return reply(call);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}
