import type { ClientRouteContext } from "../../../define-route.js";

/**
 * The `redirect_uri` providers send the browser back to: the configured one, else the Frontend
 * API's `/v1/oauth_callback` where this browser reaches it — the app's proxy URL when it came
 * through one (so the callback carries the app's `__client` cookie), else `frontendApiUrl`, else
 * the instance's own prefix.
 *
 * @example
 * oauthCallbackUrl(context); // "http://localhost:3000/__clerk/v1/oauth_callback"
 */
export function oauthCallbackUrl(
  context: Pick<ClientRouteContext<string, unknown, unknown>, "frontend" | "settings" | "baseUrl">,
): string {
  const { frontend, settings, baseUrl } = context;
  if (frontend.oauthCallbackUrl !== null) return frontend.oauthCallbackUrl;
  const base = frontend.proxyUrl ?? settings.frontendApiUrl ?? `${baseUrl}${frontend.prefix}`;
  return `${base.replace(/\/+$/, "")}/v1/oauth_callback`;
}
