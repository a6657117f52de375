/** Shared fixtures of this package's tests (never built or shipped). */
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event.js";
import { NextRequest } from "next/server.js";
import {
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
} from "../../../backend/test/token-fixtures.js";

export { NOW_MS, NOW_S, OTHER_PRIVATE_PEM, PRIMARY_PUBLIC_PEM, sessionClaims, signToken };

export const APP = "https://app.example.test";
export const INSTANCE = "http://instance.example.test";
export const SECRET_KEY = "sk_test_nextjs_fixture_secret";
export const PUBLISHABLE_KEY = `pk_test_${btoa("clerk.example.test$")}`;

/** A valid session token at {@link NOW_S}. */
export function validToken(overrides: Record<string, unknown> = {}): string {
  return signToken(sessionClaims(overrides));
}

/** A token that expired a minute before {@link NOW_S}, otherwise valid. */
export function expiredToken(overrides: Record<string, unknown> = {}): string {
  return signToken(
    sessionClaims({ iat: NOW_S - 200, nbf: NOW_S - 210, exp: NOW_S - 60, ...overrides }),
  );
}

/** Builds a `NextRequest` for the app. */
export function nextRequest(
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    cookies?: Record<string, string>;
    body?: string;
  } = {},
): NextRequest {
  const headers = new Headers(init.headers);
  if (init.cookies) {
    headers.set(
      "cookie",
      Object.entries(init.cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join("; "),
    );
  }
  return new NextRequest(new URL(path, APP), {
    method: init.method ?? "GET",
    headers,
    body: init.body,
  });
}

/** A page load (what a browser sends for a document). */
export const PAGE = { "sec-fetch-dest": "document", accept: "text/html" } as const;

/** A `NextFetchEvent` for a request. */
export function fetchEvent(request: NextRequest): NextFetchEvent {
  return new NextFetchEvent({ request, page: request.nextUrl.pathname, context: undefined });
}

/** The request headers a middleware response hands to the page (`x-middleware-request-*`). */
export function downstreamHeaders(response: Response): Headers {
  const headers = new Headers();
  const names = response.headers.get("x-middleware-override-headers");
  for (const name of names ? names.split(",") : []) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}

/** The fields of a verdict header, as written (nothing checked). */
export interface VerdictFields {
  status: string;
  source: string;
  reason: string;
  mac: string;
  url: string;
}

/** The verdict in `headers` split into its fields, or `undefined` when there is none. */
export function verdictOf(headers: Headers | Map<string, string>): VerdictFields | undefined {
  const value = headers.get("x-clerk-auth-verdict");
  if (value === null || value === undefined) return undefined;
  const [status = "", source = "", reason = "", mac = "", ...url] = value.split(";");
  return { status, source, reason, mac, url: url.join(";") };
}

/** Changes fields of the verdict in `headers`, in place (to tamper with a genuine one). */
export function rewriteVerdict(
  headers: Headers | Map<string, string>,
  changes: Partial<VerdictFields>,
): void {
  const current = verdictOf(headers);
  if (!current) throw new Error("no verdict header to rewrite");
  headers.set("x-clerk-auth-verdict", verdictHeader({ ...current, ...changes }));
}

/** A verdict header value made of `fields` (to forge one in attack tests). */
export function verdictHeader(fields: Partial<VerdictFields> & { status: string }): string {
  const { status, source = "", reason = "", mac = "A".repeat(43), url = `${APP}/` } = fields;
  return `${status};${source};${reason};${mac};${url}`;
}

/** A recorded call to a fake service. */
export interface RecordedCall {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fake `fetch` answering with `respond`, recording every call. */
export function fakeFetch(respond: (call: RecordedCall) => Response | Promise<Response>): {
  fetch: typeof fetch;
  calls: RecordedCall[];
} {
  const calls: RecordedCall[] = [];
  const fn: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const call: RecordedCall = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fn, calls };
}

/** Environment variables the package reads, blanked so the machine's own settings never leak in. */
export const LATCHKEY_ENV_NAMES = [
  "CLERK_SECRET_KEY",
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_API_URL",
  "CLERK_API_VERSION",
  "CLERK_JWT_KEY",
  "NEXT_PUBLIC_CLERK_SIGN_IN_URL",
  "NEXT_PUBLIC_CLERK_SIGN_UP_URL",
] as const;
