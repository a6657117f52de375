import { NextResponse } from "next/server.js";
import { stripAuthHeaders } from "../signed-auth-headers/auth-header-names.js";
import {
  CLIENT_CLAIM_HEADERS,
  FORWARDED_CLIENT_HEADER,
  signForwardedClient,
} from "./forwarded-client.js";

/** Default path under which the app forwards the instance's Frontend API. */
export const DEFAULT_FRONTEND_API_PATH = "/__clerk";

/**
 * The instance URL a Frontend API request maps to (`frontendApiUrl` + the rest of the path +
 * query), or `undefined` when `url` is not under `proxyPath`.
 */
export function frontendApiTarget(
  url: URL,
  proxyPath: string,
  frontendApiUrl: string,
): URL | undefined {
  const base = proxyPath.replace(/\/+$/, "");
  if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return undefined;
  return new URL(`${frontendApiUrl}${url.pathname.slice(base.length)}${url.search}`);
}

/** What the proxy tells the instance about its caller. */
export interface ForwardedCaller {
  /** The secret key that signs it; without one, nothing is claimed. */
  secretKey: string | undefined;
  /** The browser's address, when this deployment can know it (see `clientAddressOf`). */
  address: string | null;
  /** The browser reached the app over https. */
  secure: boolean;
  /** Now, in epoch milliseconds (the signature's time). */
  nowMs: number;
  /**
   * Where the browser reaches the Frontend API through this proxy (`https://app.example/__clerk`):
   * sent as `Clerk-Proxy-Url`, which the instance believes beside the signature (its OAuth
   * callback and image URLs point there).
   */
  proxyUrl: string;
}

/**
 * Forwards the request to the instance by an external rewrite: Next proxies method, body and
 * headers (cookies included) and passes the answer back, `Set-Cookie` included. The middleware's
 * own auth headers and every header claiming who the client was (`X-Forwarded-For`,
 * `X-Real-IP`, `Forwarded`, `X-Forwarded-Proto`) are dropped on the way; what the app saw of its
 * caller goes instead in a header signed with the secret key, the only one the instance believes.
 */
export async function forwardToFrontendApi(
  request: Request,
  target: URL,
  caller: ForwardedCaller,
): Promise<NextResponse> {
  const headers = new Headers(request.headers);
  stripAuthHeaders(headers);
  for (const name of CLIENT_CLAIM_HEADERS) headers.delete(name);
  if (caller.secretKey) {
    headers.set("clerk-proxy-url", caller.proxyUrl);
    headers.set(
      FORWARDED_CLIENT_HEADER,
      await signForwardedClient(caller.secretKey, caller, caller.nowMs),
    );
  }
  return NextResponse.rewrite(target, { request: { headers } });
}
