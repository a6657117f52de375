import { type ReactNode, useEffect } from "react";
import { type RedirectOptions, useClerk } from "../hooks/use-clerk.js";

/**
 * Clerk's `<RedirectToSignIn/>`: navigates to the sign-in page (with `redirect_url` back to the
 * current page, unless given) when rendered. Usually placed inside `<SignedOut>`.
 *
 * @throws never.
 * @example
 * ```tsx
 * <SignedOut><RedirectToSignIn /></SignedOut>
 * ```
 */
export function RedirectToSignIn(props: RedirectOptions): ReactNode {
  const clerk = useClerk();
  const { redirectUrl, signInForceRedirectUrl } = props;
  useEffect(() => {
    void clerk.redirectToSignIn({
      ...(redirectUrl === undefined ? {} : { redirectUrl }),
      ...(signInForceRedirectUrl === undefined ? {} : { signInForceRedirectUrl }),
    });
  }, [clerk, redirectUrl, signInForceRedirectUrl]);
  return null;
}
