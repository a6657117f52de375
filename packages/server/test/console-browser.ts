import type { TestInstance } from "./test-instance.js";
import { TEST_SECRET_KEY } from "./test-instance.js";

/** A console answer: status, where it redirects, and its page text. */
export interface ConsoleAnswer {
  status: number;
  location: string | null;
  headers: Headers;
  html: string;
}

/** A browser on the admin console: a cookie jar, same-origin form posts, the page's CSRF token. */
export interface ConsoleBrowser {
  get(path: string, headers?: Record<string, string>): Promise<ConsoleAnswer>;
  /**
   * Posts a form as a browser on the console's origin does; `_csrf` is the token of the last page
   * loaded unless the form names its own (or `null` for none).
   */
  post(
    path: string,
    form?: Record<string, string>,
    options?: { origin?: string | null; csrf?: string | null; headers?: Record<string, string> },
  ): Promise<ConsoleAnswer>;
  /** Signs in with the instance's secret key (or another credential) and an optional name. */
  signIn(credential?: string, name?: string): Promise<ConsoleAnswer>;
  /** The CSRF token of the last page loaded. */
  csrf(): string | null;
  /** The cookies the browser holds, by name. */
  cookies: Map<string, string>;
}

/** Reads the `_csrf` value of the first form in a page. */
function csrfOf(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/**
 * A console browser for a test instance (served with `console`); requests come from the
 * instance's own origin, as the console's pages send them.
 *
 * @example
 * const browser = consoleBrowser(instance); await browser.signIn();
 */
export function consoleBrowser(instance: TestInstance): ConsoleBrowser {
  const cookies = new Map<string, string>();
  let lastCsrf: string | null = null;
  const send = async (path: string, init: RequestInit): Promise<ConsoleAnswer> => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) {
      headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await instance.fetch(path, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    const html = await response.text();
    const token = csrfOf(html);
    if (token !== null) lastCsrf = token;
    return {
      status: response.status,
      location: response.headers.get("location"),
      headers: response.headers,
      html,
    };
  };
  const origin = () => new URL(instance.baseUrl).origin;
  const browser: ConsoleBrowser = {
    cookies,
    csrf: () => lastCsrf,
    get: (path, headers = {}) => send(path, { method: "GET", headers }),
    post(path, form = {}, options = {}) {
      const body = new URLSearchParams(form);
      const csrf = options.csrf === undefined ? lastCsrf : options.csrf;
      if (csrf !== null && !("_csrf" in form)) body.set("_csrf", csrf);
      const headers: Record<string, string> = {
        "content-type": "application/x-www-form-urlencoded",
        ...options.headers,
      };
      const from = options.origin === undefined ? origin() : options.origin;
      if (from !== null) headers.origin = from;
      return send(path, { method: "POST", headers, body: body.toString() });
    },
    signIn: (credential = TEST_SECRET_KEY, name = "") =>
      browser.post("/console/sign-in", { credential, name }, { csrf: null }),
  };
  return browser;
}
