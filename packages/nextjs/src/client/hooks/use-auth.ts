import { useCallback, useMemo } from "react";
import { type AuthState, checkAuthorization, deriveAuthState } from "../internal/auth-state.js";
import type { SignOutOptions } from "../internal/clerk-action-params.js";
import { useClerkContext, useClerkState } from "../internal/clerk-context.js";
import type { GetTokenOptions } from "../internal/resources/resource-host.js";

/** What `has()` checks: a role or a permission in the active organization. */
export interface CheckAuthorizationParams {
  role?: string;
  permission?: string;
}

/** `signOut()` of the hooks: options, or Clerk's older `(callback, options)` form. */
export type SignOut = {
  (options?: SignOutOptions): Promise<void>;
  (callback: () => unknown, options?: SignOutOptions): Promise<void>;
};

/** What `useAuth()` returns. */
export interface UseAuthReturn extends AuthState {
  /** `true` when the active organization grants the role or permission (fail closed). */
  has(params: CheckAuthorizationParams): boolean;
  /** The session token, or a template token with `{ template }`; null when signed out. */
  getToken(options?: GetTokenOptions): Promise<string | null>;
  signOut: SignOut;
}

/**
 * Clerk's `useAuth()`: who is signed in, the active organization, `has()`, `getToken()` and
 * `signOut()`. Under the server `ClerkProvider` the first render already holds the server's
 * answer (`isLoaded: true`), so signed-in pages never flash signed-out.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { isSignedIn, userId, getToken } = useAuth();
 * const jwt = await getToken({ template: "supabase" });
 * ```
 */
export function useAuth(): UseAuthReturn {
  const { core, initialState } = useClerkContext("useAuth");
  const state = useClerkState("useAuth");
  const auth = useMemo(
    () =>
      deriveAuthState(
        {
          loaded: state.loaded,
          session: state.session,
          claims: state.claims,
          memberships: state.memberships,
        },
        initialState,
      ),
    [state, initialState],
  );
  const sessionId = auth.sessionId;
  const getToken = useCallback(
    async (options?: GetTokenOptions) => {
      const id = core.getState().loaded ? (core.getState().session?.id ?? null) : sessionId;
      if (!id) return null;
      return core.getToken(id, options);
    },
    [core, sessionId],
  );
  const signOut = useCallback(
    async (first?: SignOutOptions | (() => unknown), second?: SignOutOptions): Promise<void> => {
      if (typeof first === "function") {
        await core.signOut(second);
        await first();
        return;
      }
      await core.signOut(first);
    },
    [core],
  ) as SignOut;
  const has = useCallback(
    (params: CheckAuthorizationParams) => checkAuthorization(auth, params),
    [auth],
  );
  return { ...auth, has, getToken, signOut };
}
