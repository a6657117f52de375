/**
 * Signs a person in at a provider's login page the way a browser would, for tests: follows the
 * redirects from `authorizationUrl` with fetch and a cookie jar, submits the page's form with
 * `email`, and answers the URL the provider finally sends the browser to on the `redirect_uri`
 * (holding `code` and `state`), without requesting it.
 *
 * @throws Error when the provider answers something else than a redirect or a sign-in form, or
 *   after 20 hops.
 * @example
 * const callback = new URL(await loginAtProvider(authorizationUrl, "ada@example.com"));
 * callback.searchParams.get("code");
 */
export async function loginAtProvider(authorizationUrl: string, email: string): Promise<string> {
  const redirectUri = new URL(authorizationUrl).searchParams.get("redirect_uri");
  if (redirectUri === null)
    throw new Error("loginAtProvider: the authorization URL has no redirect_uri");
  const jar = new Map<string, string>();
  let request: { url: string; method: string; body?: string } = {
    url: authorizationUrl,
    method: "GET",
  };

  for (let hop = 0; hop < 20; hop += 1) {
    const headers: Record<string, string> = {};
    if (jar.size > 0)
      headers.Cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (request.body !== undefined) headers["Content-Type"] = "application/x-www-form-urlencoded";
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body,
      redirect: "manual",
    });
    keepCookies(jar, response.headers.getSetCookie());
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      const next = new URL(location, request.url);
      if (`${next.origin}${next.pathname}` === stripQuery(redirectUri)) return next.toString();
      request = { url: next.toString(), method: "GET" };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*\baction="([^"]+)"/i.exec(html)?.[1];
    if (action === undefined || request.method === "POST") {
      throw new Error(
        `loginAtProvider: the provider answered ${response.status}: ${html.slice(0, 300)}`,
      );
    }
    request = {
      url: new URL(action.replaceAll("&amp;", "&"), request.url).toString(),
      method: "POST",
      body: new URLSearchParams({ email }).toString(),
    };
  }
  throw new Error("loginAtProvider: too many redirects");
}

function stripQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function keepCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = "", val = ""] = attribute.trim().split("=");
      if (key.toLowerCase() === "max-age") return Number(val) <= 0;
      if (key.toLowerCase() === "expires") return Date.parse(val) <= Date.now();
      return false;
    });
    if (expired || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}
