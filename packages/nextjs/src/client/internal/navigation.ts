/** How the provider moves the app: Next's router when mounted, else the browser's location. */
export interface Navigation {
  push(url: string): unknown;
  replace(url: string): unknown;
  /** Re-renders server components (so they see a new `__session`). */
  refresh(): void;
  /** Leaves the app for another site (a social provider's sign-in page): a full page load. */
  assign(url: string): void;
}

/** The current page's absolute URL, or undefined outside a browser. */
export function currentHref(): string | undefined {
  return typeof window === "undefined" ? undefined : window.location.href;
}

/**
 * `url` made absolute against the current page (the instance checks the origin of the URLs it
 * is given); unchanged outside a browser.
 *
 * @example
 * absoluteUrl("/sso-callback"); // "http://localhost:3000/sso-callback" on that origin
 */
export function absoluteUrl(url: string): string {
  if (typeof window === "undefined") return url;
  return new URL(url, window.location.href).href;
}

/**
 * A redirect target the app may follow: a path on this app, or an absolute URL on this origin.
 * Anything else (other origins, `javascript:`, `//evil.example`) gives undefined, so a
 * `redirect_url` in the address bar cannot send users off-site.
 *
 * @example
 * safeRedirectUrl("/dashboard"); // "/dashboard"
 * safeRedirectUrl("https://evil.example/"); // undefined
 */
export function safeRedirectUrl(
  url: string | null | undefined,
  origin: string | undefined = typeof window === "undefined" ? undefined : window.location.origin,
): string | undefined {
  if (!url) return undefined;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  if (origin === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== origin) return undefined;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return undefined;
  }
}

/**
 * Appends `redirect_url` (the way back after signing in/up) to a sign-in or sign-up page URL.
 *
 * @example
 * withRedirectUrl("/sign-in", "http://localhost:3000/dashboard");
 * // "/sign-in?redirect_url=http%3A%2F%2Flocalhost%3A3000%2Fdashboard"
 */
export function withRedirectUrl(pageUrl: string, redirectUrl: string | undefined): string {
  if (!redirectUrl) return pageUrl;
  const [path = "", hash] = pageUrl.split("#");
  const separator = path.includes("?") ? "&" : "?";
  const built = `${path}${separator}redirect_url=${encodeURIComponent(redirectUrl)}`;
  return hash === undefined ? built : `${built}#${hash}`;
}

/** The `redirect_url` query parameter of the current page, when it is safe to follow. */
export function redirectUrlFromLocation(): string | undefined {
  if (typeof window === "undefined") return undefined;
  return safeRedirectUrl(new URLSearchParams(window.location.search).get("redirect_url"));
}
