import { type ReactNode, useEffect, useRef, useState } from "react";
import { useClerk } from "../hooks/use-clerk.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import type { HandleOAuthCallbackParams } from "../internal/redirect-callback/handle-oauth-callback-params.js";
import { LatchkeyClientError } from "../latchkey-client-error.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { formErrorsFrom } from "./internal/form-errors.js";
import { useElementClass } from "./internal/use-element-class.js";
import { usePasswordRules } from "./internal/use-password-rules.js";

/** Props of `<AuthenticateWithRedirectCallback/>`: Clerk's callback parameters, and styling. */
export interface AuthenticateWithRedirectCallbackProps extends HandleOAuthCallbackParams {
  appearance?: Appearance;
}

/**
 * Clerk's `<AuthenticateWithRedirectCallback/>`, for the page social providers send people back
 * to (`/sso-callback`): runs `handleRedirectCallback()` once on mount, saying "Signing you in…"
 * (`role="status"`) meanwhile. Signed in (or up), the app goes on to where the flow was headed;
 * a step still to take (second factor, email code) opens on the sign-in or sign-up page; a
 * refusal (the provider declined, an unverified address that belongs to an account, a banned
 * user…) is shown in plain words (`role="alert"`) with a link back to the sign-in page.
 *
 * @throws never; failures are shown.
 * @example
 * ```tsx
 * // app/sso-callback/page.tsx
 * "use client";
 * import { AuthenticateWithRedirectCallback } from "@latchkey/nextjs/client";
 * export default function Page() {
 *   return <AuthenticateWithRedirectCallback signInFallbackRedirectUrl="/dashboard" />;
 * }
 * ```
 */
export function AuthenticateWithRedirectCallback(
  props: AuthenticateWithRedirectCallbackProps,
): ReactNode {
  const clerk = useClerk();
  const { redirects, appearance: providerAppearance } = useClerkContext(
    "AuthenticateWithRedirectCallback",
  );
  const t = useLocalization();
  const rules = usePasswordRules();
  const cls = useElementClass(props.appearance);
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    // Once per page: the transfer it may make cannot be made twice.
    if (started.current) return;
    started.current = true;
    const { appearance: _appearance, ...params } = latest.current;
    clerk.handleRedirectCallback(params).catch((error: unknown) => setFailure(error ?? "failed"));
  }, [clerk]);

  const message =
    failure === null
      ? null
      : failure instanceof LatchkeyClientError && failure.code === "redirect-callback-incomplete"
        ? t.formErrors.cannotContinue
        : (formErrorsFrom(failure, {}, t, rules).form ?? t.formErrors.cannotContinue);

  return (
    <div
      className={cls("rootBox")}
      style={cls.rootStyle}
      data-latchkey-component="authenticate-with-redirect-callback"
    >
      <DefaultStyles provider={providerAppearance} component={props.appearance} />
      <div className={cls("card")}>
        {message === null ? (
          <p className={cls("formStatus")} role="status">
            {t.redirectCallback.loading}
          </p>
        ) : (
          <>
            <div className={cls("header")}>
              <h1 className={cls("headerTitle")}>{t.redirectCallback.errorTitle}</h1>
            </div>
            <p className={cls("alert")} role="alert">
              {message}
            </p>
            <p className={cls("footer")}>
              <a className={cls("footerActionLink")} href={props.signInUrl ?? redirects.signInUrl}>
                {t.redirectCallback.backToSignIn}
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
