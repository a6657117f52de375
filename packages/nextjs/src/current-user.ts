import type { ClerkClient } from "@latchkey/backend";
import { auth } from "./auth.js";
import { clerkClient } from "./clerk-client.js";
import { loadNextRequestApis } from "./internal/load-next-request-apis.js";

/** A Backend API user, as `clerkClient().users.getUser()` returns it. */
export type User = Awaited<ReturnType<ClerkClient["users"]["getUser"]>>;

const perRequest = new WeakMap<object, Map<string, Promise<User>>>();

/**
 * The signed-in user of the current request, from the Backend API, or `null` when signed out.
 * Calls within one request share a single Backend API call.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix.
 * @throws ClerkAPIResponseError when the Backend API refuses (e.g. the user was deleted).
 * @example
 * ```tsx
 * import { currentUser } from "@latchkey/nextjs/server";
 *
 * export default async function Profile() {
 *   const user = await currentUser();
 *   return <p>{user ? `Hello ${user.firstName}` : "Not signed in"}</p>;
 * }
 * ```
 */
export async function currentUser(): Promise<User | null> {
  const { userId } = await auth();
  if (!userId) return null;
  const requestHeaders = await (await loadNextRequestApis()).headers();
  let users = perRequest.get(requestHeaders);
  if (!users) {
    users = new Map();
    perRequest.set(requestHeaders, users);
  }
  let pending = users.get(userId);
  if (!pending) {
    const byRequest = users;
    pending = clerkClient().then((client) => client.users.getUser(userId));
    pending.catch(() => byRequest.delete(userId));
    byRequest.set(userId, pending);
  }
  return pending;
}
