import type { ReactNode } from "react";
import { useAuth } from "../hooks/use-auth.js";

/**
 * Clerk's `<SignedOut>`: renders its children only while nobody is signed in (and the state is
 * known).
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * <SignedOut><a href="/sign-in">Sign in</a></SignedOut>
 * ```
 */
export function SignedOut(props: { children?: ReactNode }): ReactNode {
  const { isLoaded, isSignedIn } = useAuth();
  return isLoaded && isSignedIn === false ? props.children : null;
}
