import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useSignIn } from "../hooks/use-sign-in.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import type { SignInResource } from "../internal/resources/sign-in-resource.js";
import { BusyForm } from "./internal/busy-form.js";
import { CardFooter } from "./internal/card-footer.js";
import { CardHeader } from "./internal/card-header.js";
import { CodeField } from "./internal/code-field.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { EmailPasswordFields } from "./internal/email-password-fields.js";
import { FormErrorBanner } from "./internal/form-error-banner.js";
import { NO_ERRORS } from "./internal/form-errors.js";
import { ResendCodeButton } from "./internal/resend-code-button.js";
import { type RedirectProps, resolveRedirectUrl } from "./internal/resolve-redirect-url.js";
import { SubmitButton } from "./internal/submit-button.js";
import { useCredentialsForm } from "./internal/use-credentials-form.js";
import { useElementClass } from "./internal/use-element-class.js";
import { useHydrated } from "./internal/use-hydrated.js";
import { type Routing, useStepRouting } from "./internal/use-step-routing.js";

/** Props of `<SignIn/>`. */
export interface SignInProps extends RedirectProps {
  /** `path` (steps under `path`), `hash` or `virtual` (default: `path` when `path` is set). */
  routing?: Routing;
  /** The page the component is mounted on, for `routing="path"` (e.g. `/sign-in`). */
  path?: string;
  /** The sign-up page linked from the footer (default: the provider's `signUpUrl`). */
  signUpUrl?: string;
  /** Pre-fills the email address. */
  initialValues?: { emailAddress?: string };
  appearance?: Appearance;
}

const STEPS = ["start", "factor-one", "factor-two"] as const;
type Step = (typeof STEPS)[number];

const FIELDS = { identifier: "email", email_address: "email", password: "password", code: "code" };

/**
 * Clerk's `<SignIn/>`: email + password, or an emailed code ("Email me a code instead"), then a
 * second factor when the account has one. Errors appear beside their fields; on completion the
 * session is activated, the server components refresh and the app navigates to the redirect URL.
 *
 * @throws never; failed steps show their errors in the form.
 * @example
 * ```tsx
 * // app/sign-in/[[...sign-in]]/page.tsx
 * import { SignIn } from "@latchkey/nextjs/client";
 * export default function Page() {
 *   return <SignIn routing="path" path="/sign-in" afterSignInUrl="/dashboard" />;
 * }
 * ```
 */
export function SignIn(props: SignInProps): ReactNode {
  const { core, redirects, appearance } = useClerkContext("SignIn");
  const { signIn: current, setActive, isLoaded } = useSignIn();
  const cls = useElementClass(props.appearance);
  const hydrated = useHydrated();
  const formId = useId();
  const routing = props.routing ?? (props.path ? "path" : "virtual");
  const [step, goTo] = useStepRouting<Step>(routing, props.path, STEPS);
  const [signIn, setSignIn] = useState<SignInResource | null>(null);
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

  // A step in the URL without a sign-in in progress (reload, shared link) starts over; with one,
  // it resumes from the client's sign-in.
  const active = signIn ?? (current.id ? current : null);
  useEffect(() => {
    if (!isLoaded || step === "start") return;
    if (active === null) goTo("start");
  }, [isLoaded, step, active, goTo]);

  const finish = async (attempt: SignInResource) => {
    setSignIn(attempt);
    if (attempt.status === "complete" && attempt.createdSessionId) {
      const redirectUrl = resolveRedirectUrl("signIn", props, redirects, core.getEnvironment());
      await setActive({ session: attempt.createdSessionId, redirectUrl });
      return;
    }
    if (attempt.status === "needs_second_factor") {
      setCode("");
      goTo("factor-two");
      return;
    }
    if (attempt.status === "needs_first_factor") {
      goTo("factor-one");
      return;
    }
    setErrors({ fields: {}, form: "This sign-in cannot continue. Please start again." });
  };

  const requireEmail = (): boolean => {
    if (email.trim() !== "") return true;
    setErrors({ fields: { email: "Enter your email address." }, form: null });
    return false;
  };

  const onPasswordSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!requireEmail()) return;
    if (password === "") {
      setErrors({ fields: { password: "Enter your password, or ask for a code." }, form: null });
      return;
    }
    void run(async () => {
      await finish(await current.create({ identifier: email.trim(), password }));
    });
  };

  const onEmailCode = () => {
    if (!requireEmail()) return;
    void run(async () => {
      const attempt = await current.create({ identifier: email.trim(), strategy: "email_code" });
      setSignIn(attempt);
      setCode("");
      goTo("factor-one");
    });
  };

  const onCodeSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (active === null) return;
    if (code.trim() === "") {
      setErrors({ fields: { code: "Enter the code from the email." }, form: null });
      return;
    }
    void run(async () => {
      if (step === "factor-two") {
        const strategy = active.supportedSecondFactors?.[0]?.strategy ?? "totp";
        await finish(await active.attemptSecondFactor({ strategy, code: code.trim() }));
      } else {
        await finish(
          await active.attemptFirstFactor({ strategy: "email_code", code: code.trim() }),
        );
      }
    });
  };

  const emailFactor = active?.supportedFirstFactors?.find((f) => f.strategy === "email_code");
  const onResend = () => {
    if (active === null) return;
    void run(async () => {
      setSignIn(
        await active.prepareFirstFactor({
          strategy: "email_code",
          ...(emailFactor?.emailAddressId ? { emailAddressId: emailFactor.emailAddressId } : {}),
        }),
      );
      setNotice("A new code is on its way.");
    });
  };

  const signUpUrl = props.signUpUrl ?? redirects.signUpUrl;
  const formAlert = <FormErrorBanner message={errors.form} cls={cls} />;

  return (
    <div className={cls("rootBox")} data-latchkey-component="sign-in" data-latchkey-step={step}>
      <DefaultStyles provider={appearance} component={props.appearance} />
      <div className={cls("card")}>
        {step === "start" ? (
          <>
            <CardHeader title="Sign in" subtitle="Welcome back. Sign in to continue." cls={cls} />
            <BusyForm key="start" onSubmit={onPasswordSubmit} busy={busy} cls={cls}>
              <EmailPasswordFields
                formId={formId}
                email={email}
                onEmailChange={setEmail}
                password={password}
                onPasswordChange={setPassword}
                errors={errors.fields}
                emailAutoComplete="username"
                passwordAutoComplete="current-password"
                cls={cls}
              />
              {formAlert}
              <SubmitButton busy={busy} cls={cls}>
                Continue
              </SubmitButton>
              <button
                type="button"
                className={cls("formButtonSecondary")}
                onClick={onEmailCode}
                disabled={busy || !hydrated}
              >
                Email me a code instead
              </button>
            </BusyForm>
          </>
        ) : (
          <>
            <CardHeader
              title={step === "factor-two" ? "Two-step verification" : "Check your email"}
              subtitle={
                step === "factor-two"
                  ? "Enter the code from your authenticator app."
                  : `Enter the code we sent to ${emailFactor?.safeIdentifier ?? active?.identifier ?? "your email address"}.`
              }
              cls={cls}
            />
            <BusyForm key={step} onSubmit={onCodeSubmit} busy={busy} cls={cls}>
              <CodeField
                formId={formId}
                label={step === "factor-two" ? "Authentication code" : "Verification code"}
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                cls={cls}
              />
              {formAlert}
              {notice ? <p role="status">{notice}</p> : null}
              <SubmitButton busy={busy} cls={cls}>
                Continue
              </SubmitButton>
              {step === "factor-one" ? (
                <ResendCodeButton onResend={onResend} busy={busy} cls={cls} />
              ) : null}
              <button
                type="button"
                className={cls("formButtonSecondary")}
                onClick={() => {
                  setErrors(NO_ERRORS);
                  goTo("start");
                }}
              >
                Back
              </button>
            </BusyForm>
          </>
        )}
        <CardFooter prompt="No account?" href={signUpUrl} action="Sign up" cls={cls} />
      </div>
    </div>
  );
}
