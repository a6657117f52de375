import { useClerkState } from "../internal/clerk-context.js";
import type { UserResource } from "../internal/resources/user-resource.js";

/** What `useUser()` returns (Clerk's shape). */
export type UseUserReturn =
  | { isLoaded: false; isSignedIn: undefined; user: undefined }
  | { isLoaded: true; isSignedIn: false; user: null }
  | { isLoaded: true; isSignedIn: true; user: UserResource };

/**
 * Clerk's `useUser()`: the signed-in user once the client is loaded (`user.update()`,
 * `user.reload()`).
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { isLoaded, user } = useUser();
 * if (isLoaded && user) return <p>Hello {user.firstName}</p>;
 * ```
 */
export function useUser(): UseUserReturn {
  const state = useClerkState("useUser");
  if (!state.loaded) return { isLoaded: false, isSignedIn: undefined, user: undefined };
  if (state.user === null) return { isLoaded: true, isSignedIn: false, user: null };
  return { isLoaded: true, isSignedIn: true, user: state.user };
}
