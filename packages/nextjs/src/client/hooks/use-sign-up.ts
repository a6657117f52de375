import type { SetActiveParams } from "../internal/clerk-action-params.js";
import { useClerkContext, useClerkState } from "../internal/clerk-context.js";
import type { SignUpResource } from "../internal/resources/sign-up-resource.js";

/** What `useSignUp()` returns. */
export interface UseSignUpReturn {
  isLoaded: boolean;
  /** The client's sign-up in progress, or an empty one whose `create()` starts one. */
  signUp: SignUpResource;
  /** Activates the created session (and refreshes the server components). */
  setActive(params: SetActiveParams): Promise<void>;
}

/**
 * Clerk's `useSignUp()`, for custom sign-up forms.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { signUp, setActive } = useSignUp();
 * await signUp.create({ emailAddress, password });
 * await signUp.prepareEmailAddressVerification({ strategy: "email_code" });
 * const done = await signUp.attemptEmailAddressVerification({ code });
 * if (done.status === "complete") await setActive({ session: done.createdSessionId });
 * ```
 */
export function useSignUp(): UseSignUpReturn {
  const { core } = useClerkContext("useSignUp");
  const state = useClerkState("useSignUp");
  return { isLoaded: state.loaded, signUp: state.signUp, setActive: (p) => core.setActive(p) };
}
