import { LatchkeyNextjsError } from "./latchkey-nextjs-error.js";

/** A request as route matchers see it: a `NextRequest`, or any `Request`. */
export type RouteRequest = Request & { nextUrl?: { pathname: string } };

/**
 * Routes to match: a Next-style path pattern (`/dashboard(.*)`, `/users/:id`, `/docs/:path*`), a
 * RegExp tested against the path name, a list of those, or a predicate of the request.
 */
export type RouteMatcherParam =
  | string
  | RegExp
  | readonly (string | RegExp)[]
  | ((request: RouteRequest) => boolean);

/**
 * Builds a predicate telling whether a request's path matches any of `routes`. Patterns are
 * compiled once; matching ignores case and one trailing slash, as Next's matchers do.
 *
 * @throws {LatchkeyNextjsError} `route-pattern-invalid` when a string pattern cannot be compiled.
 * @example
 * ```ts
 * const isProtectedRoute = createRouteMatcher(["/dashboard(.*)", "/api/private/:path*"]);
 * export default clerkMiddleware(async (auth, req) => {
 *   if (isProtectedRoute(req)) await auth.protect();
 * });
 * ```
 */
export function createRouteMatcher(routes: RouteMatcherParam): (request: RouteRequest) => boolean {
  if (typeof routes === "function") return (request) => routes(request) === true;
  const list: readonly (string | RegExp)[] =
    typeof routes === "string" || routes instanceof RegExp ? [routes] : routes;
  const patterns = list.map((route) => (route instanceof RegExp ? route : compilePattern(route)));
  return (request) => {
    const path = request.nextUrl?.pathname ?? new URL(request.url).pathname;
    return patterns.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(path);
    });
  };
}

/** Compiles a Next-style path pattern to an anchored, case-insensitive RegExp. */
export function compilePattern(pattern: string): RegExp {
  const fail = (why: string) =>
    new LatchkeyNextjsError(
      "route-pattern-invalid",
      `The route pattern "${pattern}" is invalid: ${why}.`,
    );
  if (typeof pattern !== "string" || pattern.length === 0) throw fail("it is empty");
  let source = "";
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i] as string;
    if (char === "(") {
      const end = closingParen(pattern, i);
      if (end === -1) throw fail("a group is not closed");
      const inner = pattern.slice(i + 1, end);
      if (inner.startsWith("?") && !inner.startsWith("?:"))
        throw fail("groups cannot be lookarounds");
      source += `(?:${inner})`;
      i = end + 1;
      source += modifierAt(pattern, i);
      if (modifierAt(pattern, i)) i++;
    } else if (char === ":" || (char === "/" && pattern[i + 1] === ":")) {
      const slash = char === "/";
      const start = slash ? i + 2 : i + 1;
      const name = /^[A-Za-z0-9_]+/.exec(pattern.slice(start))?.[0];
      if (!name) throw fail("a parameter has no name");
      i = start + name.length;
      let segment = "[^/]+?";
      if (pattern[i] === "(") {
        const end = closingParen(pattern, i);
        if (end === -1) throw fail("a parameter's group is not closed");
        segment = pattern.slice(i + 1, end);
        i = end + 1;
      }
      const modifier = modifierAt(pattern, i);
      if (modifier) i++;
      source += slash ? `(?:/(?:${segment}))${modifier}` : `(?:${segment})${modifier}`;
    } else if (char === "*") {
      source += ".*";
      i++;
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      i++;
    }
  }
  try {
    return new RegExp(`^${source}/?$`, "i");
  } catch (cause) {
    throw new LatchkeyNextjsError(
      "route-pattern-invalid",
      `The route pattern "${pattern}" is invalid: it is not a valid regular expression.`,
      { cause },
    );
  }
}

function modifierAt(pattern: string, index: number): string {
  const char = pattern[index];
  return char === "?" || char === "*" || char === "+" ? char : "";
}

function closingParen(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "\\") {
      i++;
    } else if (char === "(") {
      depth++;
    } else if (char === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
