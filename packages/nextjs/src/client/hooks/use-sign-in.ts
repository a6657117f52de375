import type { SetActiveParams } from "../internal/clerk-action-params.js";
import { useClerkContext, useClerkState } from "../internal/clerk-context.js";
import type { SignInResource } from "../internal/resources/sign-in-resource.js";

/** What `useSignIn()` returns. */
export interface UseSignInReturn {
  isLoaded: boolean;
  /** The client's sign-in in progress, or an empty one whose `create()` starts one. */
  signIn: SignInResource;
  /** Activates the created session (and refreshes the server components). */
  setActive(params: SetActiveParams): Promise<void>;
}

/**
 * Clerk's `useSignIn()`, for custom sign-in forms.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { signIn, setActive } = useSignIn();
 * const attempt = await signIn.create({ identifier: email, password });
 * if (attempt.status === "complete") await setActive({ session: attempt.createdSessionId });
 * ```
 */
export function useSignIn(): UseSignInReturn {
  const { core } = useClerkContext("useSignIn");
  const state = useClerkState("useSignIn");
  return { isLoaded: state.loaded, signIn: state.signIn, setActive: (p) => core.setActive(p) };
}
