import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useSignUp } from "../hooks/use-sign-up.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import type { SignUpResource } from "../internal/resources/sign-up-resource.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { type FormErrors, formErrorsFrom, NO_ERRORS } from "./internal/form-errors.js";
import { FormField } from "./internal/form-field.js";
import { type RedirectProps, resolveRedirectUrl } from "./internal/resolve-redirect-url.js";
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
  const [email, setEmail] = useState(props.initialValues?.emailAddress ?? "");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

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

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await action();
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELDS));
    } finally {
      setBusy(false);
    }
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
  const formAlert = errors.form ? (
    <p className={cls("alert")} role="alert" data-latchkey-form-error="">
      {errors.form}
    </p>
  ) : null;

  return (
    <div className={cls("rootBox")} data-latchkey-component="sign-up" data-latchkey-step={step}>
      <DefaultStyles provider={appearance} component={props.appearance} />
      <div className={cls("card")}>
        {step === "start" ? (
          <>
            <div className={cls("header")}>
              <h1 className={cls("headerTitle")}>Create your account</h1>
              <p className={cls("headerSubtitle")}>Sign up with your email address.</p>
            </div>
            <form
              key="start"
              className={cls("form")}
              onSubmit={onStart}
              noValidate
              aria-busy={busy}
            >
              <FormField
                formId={formId}
                name="email"
                label="Email address"
                type="email"
                autoComplete="email"
                value={email}
                onChange={setEmail}
                error={errors.fields.email}
                cls={cls}
              />
              <FormField
                formId={formId}
                name="password"
                label="Password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
                error={errors.fields.password}
                cls={cls}
              />
              {formAlert}
              <button type="submit" className={cls("formButtonPrimary")} disabled={busy}>
                Continue
              </button>
            </form>
          </>
        ) : (
          <>
            <div className={cls("header")}>
              <h1 className={cls("headerTitle")}>Verify your email</h1>
              <p className={cls("headerSubtitle")}>
                Enter the code we sent to {active?.emailAddress ?? "your email address"}.
              </p>
            </div>
            <form
              key={step}
              className={cls("form")}
              onSubmit={onVerify}
              noValidate
              aria-busy={busy}
            >
              <FormField
                formId={formId}
                name="code"
                label="Verification code"
                autoComplete="one-time-code"
                inputMode="numeric"
                autoFocus
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                cls={cls}
              />
              {formAlert}
              {notice ? <p role="status">{notice}</p> : null}
              <button type="submit" className={cls("formButtonPrimary")} disabled={busy}>
                Verify
              </button>
              <button
                type="button"
                className={cls("formResendCodeLink")}
                onClick={onResend}
                disabled={busy}
              >
                Resend code
              </button>
            </form>
          </>
        )}
        <p className={cls("footer")}>
          Have an account?{" "}
          <a className={cls("footerActionLink")} href={signInUrl}>
            Sign in
          </a>
        </p>
      </div>
    </div>
  );
}
