import type { ReactNode } from "react";
import { useAuth } from "../hooks/use-auth.js";

/**
 * Clerk's `<SignedIn>`: renders its children only while a user is signed in. Under the server
 * `ClerkProvider` this is decided on the first render (no flash).
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * <SignedIn><UserButton /></SignedIn>
 * ```
 */
export function SignedIn(props: { children?: ReactNode }): ReactNode {
  const { isLoaded, isSignedIn } = useAuth();
  return isLoaded && isSignedIn ? props.children : null;
}
