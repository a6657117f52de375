import type { headers } from "next/headers";
import type { notFound, redirect, unauthorized } from "next/navigation";

/** The parts of Next's request scope `auth()` and `currentUser()` use. */
export interface NextRequestApis {
  headers: typeof headers;
  redirect: typeof redirect;
  notFound: typeof notFound;
  unauthorized: typeof unauthorized;
}

let loading: Promise<NextRequestApis> | undefined;

/**
 * Loads `next/headers` and `next/navigation` on first use, by the bare names Next's bundler
 * aliases to the right build for each layer (server components, route handlers, server actions).
 * The `.js` forms (`next/navigation.js`) bypass those aliases: in a route handler Turbopack then
 * pulls in the client navigation module and fails on its app-router context. Loading lazily
 * also keeps the server entry importable by plain Node (scripts, test runners), where these bare
 * names do not resolve and only `auth()` itself needs them.
 *
 * @throws the module loader's error when called outside a Next server (e.g. plain Node).
 * @example
 * ```ts
 * const { headers, redirect } = await loadNextRequestApis();
 * if (!(await headers()).get("cookie")) redirect("/sign-in");
 * ```
 */
export function loadNextRequestApis(): Promise<NextRequestApis> {
  if (!loading) {
    const pending = Promise.all([import("next/headers"), import("next/navigation")]).then(
      ([nextHeaders, navigation]) => ({
        headers: nextHeaders.headers,
        redirect: navigation.redirect,
        notFound: navigation.notFound,
        unauthorized: navigation.unauthorized,
      }),
    );
    pending.catch(() => {
      if (loading === pending) loading = undefined;
    });
    loading = pending;
  }
  return loading;
}
