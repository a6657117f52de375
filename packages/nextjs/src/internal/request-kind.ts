/** Just the headers of a request, for code shared by middleware, route handlers and pages. */
export type HeaderLookup = (name: string) => string | undefined;

/** A server action call (Next sends the action id in `next-action`). */
export function isServerAction(header: HeaderLookup, method: string): boolean {
  return method === "POST" && header("next-action") !== undefined;
}

/**
 * A request for a page the user navigates to: a document or iframe load, anything accepting
 * HTML, or an App Router navigation (`rsc: 1`). Such requests are redirected to sign in; others
 * (APIs, assets, fetches) get a status code.
 */
export function isPageRequest(header: HeaderLookup): boolean {
  const dest = header("sec-fetch-dest");
  if (dest === "document" || dest === "iframe") return true;
  if (header("accept")?.includes("text/html")) return true;
  return header("rsc") === "1";
}

/** A header lookup over a `Headers` object. */
export function lookupOf(headers: Headers): HeaderLookup {
  return (name) => headers.get(name) ?? undefined;
}
