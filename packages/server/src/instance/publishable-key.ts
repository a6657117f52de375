/**
 * The publishable key for a Frontend API URL, encoded as Clerk encodes it:
 * `pk_test_` + base64(`host[:port][/path]$`). The scheme is not part of it; clients assume https
 * except for local hosts (`localhost`, `127.0.0.1`, `[::1]`), where they use http.
 *
 * @example
 * publishableKeyFor("http://localhost:4100/__clerk"); // "pk_test_bG9jYWxob3N0OjQxMDAvX19jbGVyayQ="
 */
export function publishableKeyFor(frontendApiUrl: string, mode: "test" | "live" = "test"): string {
  const url = new URL(frontendApiUrl);
  const path = url.pathname.replace(/\/+$/, "");
  return `pk_${mode}_${Buffer.from(`${url.host}${path}$`, "utf8").toString("base64")}`;
}
