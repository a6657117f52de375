import { ApiError } from "../../errors/api-error.js";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The origin of a URL (`https://app.example.com`), or null when it is not an absolute http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence of the Frontend API, applied before any route runs. A mutating request (by its
 * effective method) must come from an allowed origin: its `Origin` header must be in the list,
 * and without `Origin` it must not be flagged `Sec-Fetch-Site: cross-site` and must carry the
 * client token itself (`Authorization` header or `__client` cookie) — browsers always send
 * `Origin` on cross-site POSTs, so such requests come from servers or native apps, which cannot
 * be made to act by a third-party page. `allowAnonymous` admits origin-less requests without a
 * client token (creating an empty client changes nothing of value).
 *
 * @throws `origin_invalid` (403)
 * @example
 * checkRequestOrigin(request, "POST", { allowedOrigins, hasClientCredential: true });
 */
export function checkRequestOrigin(
  request: Request,
  method: string,
  options: {
    allowedOrigins: ReadonlySet<string>;
    hasClientCredential: boolean;
    allowAnonymous?: boolean;
  },
): void {
  if (!MUTATING.has(method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (!options.allowedOrigins.has(origin)) throw new ApiError("origin_invalid");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("origin_invalid");
  }
  if (!options.hasClientCredential && !options.allowAnonymous) {
    throw new ApiError("origin_invalid");
  }
}

/**
 * Accepts a `redirect_url` only when its origin is allowed. A URL that is not absolute is resolved
 * against the first allowed origin with the WHATWG parser, as a browser on the app resolves it — so `/\t/evil`,
 * `/\\evil` or ` //evil` (tabs and newlines dropped, backslashes read as slashes, blanks trimmed)
 * are judged by where they really lead, and relative paths stay on the app.
 *
 * @throws `redirect_url_invalid` (422, param `redirect_url`)
 * @example
 * checkRedirectUrl(body.redirect_url, allowedOrigins, "redirect_url");
 */
export function checkRedirectUrl(
  url: string | null | undefined,
  allowedOrigins: ReadonlySet<string>,
  paramName = "redirect_url",
): void {
  if (url === null || url === undefined || url === "") return;
  const [base] = allowedOrigins;
  let origin: string | null = null;
  try {
    // Absolute first: `http:evil.example` is relative to an http base but absolute to an https page.
    const resolved = URL.canParse(url) ? new URL(url) : new URL(url, base);
    if (resolved.protocol === "http:" || resolved.protocol === "https:") origin = resolved.origin;
  } catch {
    origin = null;
  }
  if (origin === null || !allowedOrigins.has(origin)) {
    throw new ApiError("redirect_url_invalid", { paramName });
  }
}

/**
 * Checks where a new sign-in or sign-up may send the browser: `redirect_url` and
 * `action_complete_redirect_url`, each on an allowed origin (see {@link checkRedirectUrl}).
 *
 * @throws `redirect_url_invalid` (422, naming the parameter)
 * @example
 * checkAttemptRedirectUrls(body, frontend.allowedOrigins);
 */
export function checkAttemptRedirectUrls(
  body: { redirect_url?: string | undefined; action_complete_redirect_url?: string | undefined },
  allowedOrigins: ReadonlySet<string>,
): void {
  checkRedirectUrl(body.redirect_url, allowedOrigins);
  checkRedirectUrl(
    body.action_complete_redirect_url,
    allowedOrigins,
    "action_complete_redirect_url",
  );
}
