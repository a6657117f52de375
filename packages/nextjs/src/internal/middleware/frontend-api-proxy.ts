import { NextResponse } from "next/server.js";
import { stripAuthHeaders } from "../signed-auth-headers/auth-header-names.js";

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

/**
 * Forwards the request to the instance by an external rewrite: Next proxies method, body and
 * headers (cookies included) and passes the answer back, `Set-Cookie` included. The middleware's
 * own auth headers are dropped on the way.
 */
export function forwardToFrontendApi(request: Request, target: URL): NextResponse {
  const headers = new Headers(request.headers);
  stripAuthHeaders(headers);
  return NextResponse.rewrite(target, { request: { headers } });
}
