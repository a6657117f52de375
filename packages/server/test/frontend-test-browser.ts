import type { ApiAnswer } from "./test-instance.js";

/** The origin test browsers call from by default (allowed by the default configuration). */
export const TEST_APP_ORIGIN = "http://localhost:3000";

/** Options of one Frontend API call. */
export interface BrowserCallOptions {
  /**
   * Sent form-encoded (`application/x-www-form-urlencoded`), as Clerk's components do: an array
   * repeats its key, as clerk-js sends lists.
   */
  form?: Record<string, string | readonly string[]>;
  /** Sent as JSON instead. */
  json?: unknown;
  /** `Origin` header; default {@link TEST_APP_ORIGIN}; null sends none. */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A Frontend API answer, with the `Set-Cookie` values it carried. */
export interface BrowserAnswer extends ApiAnswer {
  setCookies: string[];
}

/**
 * A browser against the Frontend API: keeps the cookies the instance sets (`Max-Age=0` deletes)
 * and sends them back, like a browser on the app's origin that proxies `/__clerk`.
 */
export interface TestBrowser {
  /** Current cookies, name → value. */
  readonly cookies: Map<string, string>;
  /** Calls `{prefix}{path}` (`/v1/client/sign_ups`…) with the jar's cookies. */
  call(method: string, path: string, options?: BrowserCallOptions): Promise<BrowserAnswer>;
}

/**
 * Makes a {@link TestBrowser} over a fetch function (the test instance's).
 *
 * @example
 * const browser = createTestBrowser((path, init) => instance.fetch(path, init));
 * await browser.call("POST", "/v1/client/sign_ups", { form: { email_address: "a@b.co" } });
 */
export function createTestBrowser(
  fetchPath: (path: string, init: RequestInit) => Promise<Response>,
  prefix = "/__clerk",
): TestBrowser {
  const cookies = new Map<string, string>();
  return {
    cookies,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      const origin = options.origin === undefined ? TEST_APP_ORIGIN : options.origin;
      if (origin !== null) headers.Origin = origin;
      if (cookies.size > 0) {
        headers.Cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      }
      let body: string | undefined;
      if (options.form !== undefined) {
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        const form = new URLSearchParams();
        for (const [key, value] of Object.entries(options.form)) {
          for (const item of typeof value === "string" ? [value] : value) form.append(key, item);
        }
        body = form.toString();
      } else if (options.json !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(options.json);
      }
      Object.assign(headers, options.headers);
      const response = await fetchPath(`${prefix}${path}`, {
        method,
        headers,
        // A browser would follow a redirect; tests read it (over HTTP as in process).
        redirect: "manual",
        ...(body === undefined ? {} : { body }),
      });
      const setCookies = response.headers.getSetCookie();
      for (const line of setCookies) {
        const [pair = ""] = line.split(";");
        const eq = pair.indexOf("=");
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (/;\s*Max-Age=0(;|$)/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === "" ? undefined : JSON.parse(text),
        setCookies,
      };
    },
  };
}
