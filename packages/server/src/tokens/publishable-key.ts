/**
 * The publishable key for a Frontend API URL, encoded as Clerk encodes it:
 * `pk_test_` + base64(`host[:port][/path]$`). The scheme is not part of it; clients assume https
 * except for local hosts (`localhost`, `127.0.0.1`, `[::1]`), where they use http.
 *
 * Clerk's SDKs (`@clerk/shared`'s `isPublishableKey`) refuse a key whose host has no dot, so the
 * key names the loopback host `localhost` by its address `127.0.0.1`, which the instance listens
 * on by default and Node and browsers reach alike. Other hosts are encoded as given; see
 * {@link clerkSdksAcceptHost}.
 *
 * @example
 * publishableKeyFor("http://localhost:4100/__clerk"); // "pk_test_MTI3LjAuMC4xOjQxMDAvX19jbGVyayQ="
 */
export function publishableKeyFor(frontendApiUrl: string, mode: "test" | "live" = "test"): string {
  const url = new URL(canonicalFrontendApiUrl(frontendApiUrl));
  const path = url.pathname.replace(/\/+$/, "");
  return `pk_${mode}_${Buffer.from(`${url.host}${path}$`, "utf8").toString("base64")}`;
}

/**
 * The Frontend API URL as the publishable key names it (`localhost` → `127.0.0.1`), without a
 * trailing slash. Session tokens carry it as `iss`: Clerk's server SDKs compare `iss` (scheme
 * dropped) with the key's host and path to tell this instance's cookies from another's.
 *
 * @example
 * canonicalFrontendApiUrl("http://localhost:4100/__clerk/"); // "http://127.0.0.1:4100/__clerk"
 */
export function canonicalFrontendApiUrl(frontendApiUrl: string): string {
  const url = new URL(frontendApiUrl);
  if (url.hostname === "localhost") url.hostname = "127.0.0.1";
  return url.toString().replace(/\/+$/, "");
}

/**
 * Whether Clerk's own SDKs accept a publishable key naming this URL's host: the host must contain
 * a dot (`localhost` is encoded as `127.0.0.1`, so it passes). `latchkey start` warns otherwise.
 *
 * @example
 * clerkSdksAcceptHost("http://auth:4100/__clerk"); // false
 */
export function clerkSdksAcceptHost(frontendApiUrl: string): boolean {
  const { hostname } = new URL(frontendApiUrl);
  return hostname === "localhost" || hostname.includes(".");
}
