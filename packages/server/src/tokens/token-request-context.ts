import type { InstanceSettings } from "../instance-settings.js";

/**
 * The issuer (`iss`) and authorized party (`azp`) of tokens minted for a request: the configured
 * Frontend API URL (default `${baseUrl}/__clerk`), and the request's `Origin` header when it is a
 * real origin (not `null`).
 *
 * @example
 * const { issuer, authorizedParty } = tokenRequestContext(settings, baseUrl, request);
 */
export function tokenRequestContext(
  settings: Pick<InstanceSettings, "frontendApiUrl">,
  baseUrl: string,
  request: Request,
): { issuer: string; authorizedParty: string | null } {
  const issuer = (settings.frontendApiUrl ?? `${baseUrl}/__clerk`).replace(/\/+$/, "");
  const origin = request.headers.get("origin");
  return { issuer, authorizedParty: origin && origin !== "null" ? origin : null };
}
