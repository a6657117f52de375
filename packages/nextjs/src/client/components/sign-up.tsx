import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useSignUp } from "../hooks/use-sign-up.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import type { SignUpResource } from "../internal/resources/sign-up-resource.js";
import { BusyForm } from "./internal/busy-form.js";
import { CardFooter } from "./internal/card-footer.js";
import { CardHeader } from "./internal/card-header.js";
import { CodeField } from "./internal/code-field.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { EmailPasswordFields } from "./internal/email-password-fields.js";
import { FormErrorBanner } from "./internal/form-error-banner.js";
import { ResendCodeButton } from "./internal/resend-code-button.js";
import { type RedirectProps, resolveRedirectUrl } from "./internal/resolve-redirect-url.js";
import { SubmitButton } from "./internal/submit-button.js";
import { useCredentialsForm } from "./internal/use-credentials-form.js";
import { useElementClass } from "./internal/use-element-class.js";
import { type Routing, useStepRouting } from "./internal/use-step-routing.js";

/** Props of `<SignUp/>`. */
export interface SignUpProps extends RedirectProps {
  /** `path` (steps under `path`), `hash` or `virtual` (default: `path` when `path` is set). */
  routing?: Routing;
  /** The page the component is mounted on, for `routing="path"` (e.g. `/sign-up`). */
  path?: string;
  /** The sign-in page linked from the footer (default: the provider's `signInUrl`). */
  signInUrl?: string;
  initialValues?: { emailAddress?: string };
  appearance?: Appearance;
}

const STEPS = ["start", "verify-email-address"] as const;
type Step = (typeof STEPS)[number];

const FIELDS = { email_address: "email", identifier: "email", password: "password", code: "code" };

/**
 * Clerk's `<SignUp/>`: email + password, then the code emailed to the address. On completion the
 * new session is activated, the server components refresh and the app navigates to the redirect
 * URL. Errors appear beside their fields.
 *
 * @throws never; failed steps show their errors in the form.
 * @example
 * ```tsx
 * // app/sign-up/[[...sign-up]]/page.tsx
 * import { SignUp } from "@latchkey/nextjs/client";
 * export default function Page() {
 *   return <SignUp routing="path" path="/sign-up" afterSignUpUrl="/dashboard" />;
 * }
 * ```
 */
export function SignUp(props: SignUpProps): ReactNode {
  const { core, redirects, appearance } = useClerkContext("SignUp");
  const { signUp: current, setActive, isLoaded } = useSignUp();
  const cls = useElementClass(props.appearance);
  const formId = useId();
  const routing = props.routing ?? (props.path ? "path" : "virtual");
  const [step, goTo] = useStepRouting<Step>(routing, props.path, STEPS);
  const [signUp, setSignUp] = useState<SignUpResource | null>(null);
  const {
    email,
    setEmail,
    password,
    setPassword,
    code,
    setCode,
    notice,
    setNotice,
    errors,
    setErrors,
    busy,
    run,
  } = useCredentialsForm(props.initialValues?.emailAddress, FIELDS);

  const active = signUp ?? (current.id ? current : null);
  useEffect(() => {
    if (isLoaded && step !== "start" && active === null) goTo("start");
  }, [isLoaded, step, active, goTo]);

  const finish = async (attempt: SignUpResource) => {
    setSignUp(attempt);
    if (attempt.status === "complete" && attempt.createdSessionId) {
      const redirectUrl = resolveRedirectUrl("signUp", props, redirects, core.getEnvironment());
      await setActive({ session: attempt.createdSessionId, redirectUrl });
      return;
    }
    if (attempt.unverifiedFields.includes("email_address")) {
      const prepared =
        attempt.verifications.emailAddress?.nextAction === "needs_attempt"
          ? attempt
          : await attempt.prepareEmailAddressVerification({ strategy: "email_code" });
      setSignUp(prepared);
      setCode("");
      goTo("verify-email-address");
      return;
    }
    const missing = attempt.missingFields.join(", ");
    setErrors({
      fields: {},
      form: missing
        ? `Still needed: ${missing}.`
        : "This sign-up cannot continue. Please start again.",
    });
  };

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (email.trim() === "") fields.email = "Enter your email address.";
    if (password === "") fields.password = "Choose a password.";
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, form: null });
      return;
    }
    void run(async () => {
      await finish(await current.create({ emailAddress: email.trim(), password }));
    });
  };

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    if (active === null) return;
    if (code.trim() === "") {
      setErrors({ fields: { code: "Enter the code from the email." }, form: null });
      return;
    }
    void run(async () => {
      await finish(await active.attemptEmailAddressVerification({ code: code.trim() }));
    });
  };

  const onResend = () => {
    if (active === null) return;
    void run(async () => {
      setSignUp(await active.prepareEmailAddressVerification({ strategy: "email_code" }));
      setNotice("A new code is on its way.");
    });
  };

  const signInUrl = props.signInUrl ?? redirects.signInUrl;
  const formAlert = <FormErrorBanner message={errors.form} cls={cls} />;

  return (
    <div className={cls("rootBox")} data-latchkey-component="sign-up" data-latchkey-step={step}>
      <DefaultStyles provider={appearance} component={props.appearance} />
      <div className={cls("card")}>
        {step === "start" ? (
          <>
            <CardHeader
              title="Create your account"
              subtitle="Sign up with your email address."
              cls={cls}
            />
            <BusyForm key="start" onSubmit={onStart} busy={busy} cls={cls}>
              <EmailPasswordFields
                formId={formId}
                email={email}
                onEmailChange={setEmail}
                password={password}
                onPasswordChange={setPassword}
                errors={errors.fields}
                emailAutoComplete="email"
                passwordAutoComplete="new-password"
                cls={cls}
              />
              {formAlert}
              <SubmitButton busy={busy} cls={cls}>
                Continue
              </SubmitButton>
            </BusyForm>
          </>
        ) : (
          <>
            <CardHeader
              title="Verify your email"
              subtitle={`Enter the code we sent to ${active?.emailAddress ?? "your email address"}.`}
              cls={cls}
            />
            <BusyForm key={step} onSubmit={onVerify} busy={busy} cls={cls}>
              <CodeField
                formId={formId}
                label="Verification code"
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                cls={cls}
              />
              {formAlert}
              {notice ? <p role="status">{notice}</p> : null}
              <SubmitButton busy={busy} cls={cls}>
                Verify
              </SubmitButton>
              <ResendCodeButton onResend={onResend} busy={busy} cls={cls} />
            </BusyForm>
          </>
        )}
        <CardFooter prompt="Have an account?" href={signInUrl} action="Sign in" cls={cls} />
      </div>
    </div>
  );
}
