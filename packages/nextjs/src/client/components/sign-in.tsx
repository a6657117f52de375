import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useSignIn } from "../hooks/use-sign-in.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import type { SignInResource } from "../internal/resources/sign-in-resource.js";
import { ActionButton } from "./internal/action-button.js";
import { BusyForm } from "./internal/busy-form.js";
import { CardFooter } from "./internal/card-footer.js";
import { CardHeader } from "./internal/card-header.js";
import { CodeField } from "./internal/code-field.js";
import { DefaultStyles } from "./internal/default-styles.js";
import { EmailPasswordFields } from "./internal/email-password-fields.js";
import { FormErrorBanner } from "./internal/form-error-banner.js";
import { NO_ERRORS } from "./internal/form-errors.js";
import { FormStatus } from "./internal/form-status.js";
import { ResendCodeButton } from "./internal/resend-code-button.js";
import { type RedirectProps, resolveRedirectUrl } from "./internal/resolve-redirect-url.js";
import { SubmitButton } from "./internal/submit-button.js";
import { useCredentialsForm } from "./internal/use-credentials-form.js";
import { useElementClass } from "./internal/use-element-class.js";
import { NAVIGATING } from "./internal/use-form-submission.js";
import { useLockoutMemory } from "./internal/use-lockout-memory.js";
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
 * second factor when the account has one. Errors appear beside their fields, in plain words
 * (the provider's `localization`); on completion the session is activated, the server components
 * refresh and the app navigates to the redirect URL, the form staying busy until it has left.
 * "Back" returns to the first step with the email field focused.
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
  const t = useLocalization();
  const formId = useId();
  const routing = props.routing ?? (props.path ? "path" : "virtual");
  const [step, goTo] = useStepRouting<Step>(routing, props.path, STEPS);
  const [signIn, setSignIn] = useState<SignInResource | null>(null);
  // Set by "Back": the first step then opens with the email field focused.
  const [cameBack, setCameBack] = useState(false);
  const lockout = useLockoutMemory();
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

  const finish = async (attempt: SignInResource): Promise<typeof NAVIGATING | undefined> => {
    setSignIn(attempt);
    if (attempt.status === "complete" && attempt.createdSessionId) {
      const redirectUrl = resolveRedirectUrl("signIn", props, redirects, core.getEnvironment());
      await setActive({ session: attempt.createdSessionId, redirectUrl });
      return NAVIGATING;
    }
    setNotice(null);
    if (attempt.status === "needs_second_factor") {
      setCode("");
      goTo("factor-two");
      return undefined;
    }
    if (attempt.status === "needs_first_factor") {
      goTo("factor-one");
      return undefined;
    }
    setErrors({ fields: {}, form: t.formErrors.cannotContinue });
    return undefined;
  };

  // Failed steps go through the lockout memory, so a locked account stays "locked" (with the
  // time left) on every later try.
  const attempt = <T,>(identifier: string, call: () => Promise<T>): Promise<T> =>
    call().catch((error: unknown) => {
      throw lockout.explain(error, identifier);
    });

  const requireEmail = (): boolean => {
    if (email.trim() !== "") return true;
    setErrors({ fields: { email: t.formErrors.emailAddressRequired }, form: null });
    return false;
  };

  const onPasswordSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!requireEmail()) return;
    if (password === "") {
      setErrors({ fields: { password: t.formErrors.passwordOrCodeRequired }, form: null });
      return;
    }
    const identifier = email.trim();
    void run(async () =>
      finish(await attempt(identifier, () => current.create({ identifier, password }))),
    );
  };

  const onEmailCode = () => {
    if (!requireEmail()) return;
    const identifier = email.trim();
    void run(async () => {
      const started = await attempt(identifier, () =>
        current.create({ identifier, strategy: "email_code" }),
      );
      setSignIn(started);
      setCode("");
      setNotice(null);
      goTo("factor-one");
    });
  };

  const onCodeSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (active === null) return;
    if (code.trim() === "") {
      setErrors({ fields: { code: t.formErrors.codeRequired }, form: null });
      return;
    }
    const identifier = active.identifier ?? email.trim();
    void run(async () => {
      if (step === "factor-two") {
        const strategy = active.supportedSecondFactors?.[0]?.strategy ?? "totp";
        return finish(
          await attempt(identifier, () =>
            active.attemptSecondFactor({ strategy, code: code.trim() }),
          ),
        );
      }
      return finish(
        await attempt(identifier, () =>
          active.attemptFirstFactor({ strategy: "email_code", code: code.trim() }),
        ),
      );
    });
  };

  const emailFactor = active?.supportedFirstFactors?.find((f) => f.strategy === "email_code");
  const onResend = () => {
    if (active === null) return;
    void run(async () => {
      setNotice(null);
      setSignIn(
        await active.prepareFirstFactor({
          strategy: "email_code",
          ...(emailFactor?.emailAddressId ? { emailAddressId: emailFactor.emailAddressId } : {}),
        }),
      );
      setNotice(t.notices.codeSent);
    });
  };

  const onBack = () => {
    setErrors(NO_ERRORS);
    setNotice(null);
    setCameBack(true);
    goTo("start");
  };

  const signUpUrl = props.signUpUrl ?? redirects.signUpUrl;
  const formAlert = <FormErrorBanner message={errors.form} cls={cls} />;
  const sentTo = emailFactor?.safeIdentifier ?? active?.identifier ?? email.trim();

  return (
    <div
      className={cls("rootBox")}
      style={cls.rootStyle}
      data-latchkey-component="sign-in"
      data-latchkey-step={step}
    >
      <DefaultStyles provider={appearance} component={props.appearance} />
      <div className={cls("card")}>
        {step === "start" ? (
          <>
            <CardHeader title={t.signIn.start.title} subtitle={t.signIn.start.subtitle} cls={cls} />
            <BusyForm key="start" onSubmit={onPasswordSubmit} busy={busy} cls={cls}>
              <EmailPasswordFields
                formId={formId}
                email={email}
                onEmailChange={setEmail}
                password={password}
                onPasswordChange={setPassword}
                errors={errors.fields}
                purpose="sign-in"
                autoFocusEmail={cameBack}
                cls={cls}
              />
              {formAlert}
              <SubmitButton busy={busy} cls={cls}>
                {t.formButtonPrimary}
              </SubmitButton>
              <ActionButton element="formButtonSecondary" onClick={onEmailCode} cls={cls}>
                {t.signIn.start.actionLink__useEmailCode}
              </ActionButton>
            </BusyForm>
          </>
        ) : (
          <>
            <CardHeader
              title={step === "factor-two" ? t.signIn.totpMfa.title : t.signIn.emailCode.title}
              subtitle={
                step === "factor-two"
                  ? t.signIn.totpMfa.subtitle
                  : formatMessage(t.signIn.emailCode.subtitle, { identifier: sentTo })
              }
              cls={cls}
            />
            <BusyForm key={step} onSubmit={onCodeSubmit} busy={busy} cls={cls}>
              <CodeField
                formId={formId}
                label={step === "factor-two" ? t.signIn.totpMfa.formTitle : t.formFieldLabel__code}
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                cls={cls}
              />
              {formAlert}
              <FormStatus message={notice} cls={cls} />
              <SubmitButton busy={busy} cls={cls}>
                {t.formButtonPrimary}
              </SubmitButton>
              {step === "factor-one" ? (
                <ResendCodeButton
                  onResend={onResend}
                  label={t.signIn.emailCode.resendButton}
                  cls={cls}
                />
              ) : null}
              <ActionButton element="formButtonSecondary" onClick={onBack} cls={cls}>
                {t.backButton}
              </ActionButton>
            </BusyForm>
          </>
        )}
        <CardFooter
          prompt={t.signIn.start.actionText}
          href={signUpUrl}
          action={t.signIn.start.actionLink}
          cls={cls}
        />
      </div>
    </div>
  );
}
