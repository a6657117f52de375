import { useClerkState } from "../internal/clerk-context.js";
import type { SessionResource } from "../internal/resources/session-resource.js";

/** What `useSession()` returns (Clerk's shape). */
export type UseSessionReturn =
  | { isLoaded: false; isSignedIn: undefined; session: undefined }
  | { isLoaded: true; isSignedIn: false; session: null }
  | { isLoaded: true; isSignedIn: true; session: SessionResource };

/**
 * Clerk's `useSession()`: the active session once the client is loaded.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { session } = useSession();
 * const jwt = await session?.getToken();
 * ```
 */
export function useSession(): UseSessionReturn {
  const state = useClerkState("useSession");
  if (!state.loaded) return { isLoaded: false, isSignedIn: undefined, session: undefined };
  if (state.session === null) return { isLoaded: true, isSignedIn: false, session: null };
  return { isLoaded: true, isSignedIn: true, session: state.session };
}
