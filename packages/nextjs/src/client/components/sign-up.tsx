import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useSignUp } from "../hooks/use-sign-up.js";
import type { Appearance } from "../internal/appearance.js";
import { useClerkContext } from "../internal/clerk-context.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import type { SignUpResource } from "../internal/resources/sign-up-resource.js";
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
import { usePasswordRules } from "./internal/use-password-rules.js";
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
 * Clerk's `<SignUp/>`: email + password (the password rules shown up front), then the code
 * emailed to the address, with a way back to change the address. On completion the new session
 * is activated, the server components refresh and the app navigates to the redirect URL, the
 * form staying busy until it has left. Errors appear beside their fields, in plain words (the
 * provider's `localization`).
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
  const t = useLocalization();
  const rules = usePasswordRules();
  const formId = useId();
  const routing = props.routing ?? (props.path ? "path" : "virtual");
  const [step, goTo] = useStepRouting<Step>(routing, props.path, STEPS);
  const [signUp, setSignUp] = useState<SignUpResource | null>(null);
  // Set by "Use another email address": the first step then opens with the email field focused.
  const [cameBack, setCameBack] = useState(false);
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

  const finish = async (attempt: SignUpResource): Promise<typeof NAVIGATING | undefined> => {
    setSignUp(attempt);
    if (attempt.status === "complete" && attempt.createdSessionId) {
      const redirectUrl = resolveRedirectUrl("signUp", props, redirects, core.getEnvironment());
      await setActive({ session: attempt.createdSessionId, redirectUrl });
      return NAVIGATING;
    }
    if (attempt.unverifiedFields.includes("email_address")) {
      const prepared =
        attempt.verifications.emailAddress?.nextAction === "needs_attempt"
          ? attempt
          : await attempt.prepareEmailAddressVerification({ strategy: "email_code" });
      setSignUp(prepared);
      setCode("");
      setNotice(null);
      goTo("verify-email-address");
      return undefined;
    }
    const missing = attempt.missingFields.join(", ");
    setErrors({
      fields: {},
      form: missing
        ? formatMessage(t.signUp.missingFields, { fields: missing })
        : t.formErrors.cannotContinue,
    });
    return undefined;
  };

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (email.trim() === "") fields.email = t.formErrors.emailAddressRequired;
    if (password === "") fields.password = t.formErrors.passwordRequired;
    else if (password.length < rules.minLength) {
      fields.password = formatMessage(t.formErrors.passwordTooShort, {
        minLength: rules.minLength,
      });
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, form: null });
      return;
    }
    void run(async () => finish(await current.create({ emailAddress: email.trim(), password })));
  };

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    if (active === null) return;
    if (code.trim() === "") {
      setErrors({ fields: { code: t.formErrors.codeRequired }, form: null });
      return;
    }
    void run(async () =>
      finish(await active.attemptEmailAddressVerification({ code: code.trim() })),
    );
  };

  const onResend = () => {
    if (active === null) return;
    void run(async () => {
      setNotice(null);
      setSignUp(await active.prepareEmailAddressVerification({ strategy: "email_code" }));
      setNotice(t.notices.codeSent);
    });
  };

  const onChangeEmail = () => {
    setErrors(NO_ERRORS);
    setNotice(null);
    setCameBack(true);
    goTo("start");
  };

  const signInUrl = props.signInUrl ?? redirects.signInUrl;
  const formAlert = <FormErrorBanner message={errors.form} cls={cls} />;

  return (
    <div
      className={cls("rootBox")}
      style={cls.rootStyle}
      data-latchkey-component="sign-up"
      data-latchkey-step={step}
    >
      <DefaultStyles provider={appearance} component={props.appearance} />
      <div className={cls("card")}>
        {step === "start" ? (
          <>
            <CardHeader title={t.signUp.start.title} subtitle={t.signUp.start.subtitle} cls={cls} />
            <BusyForm key="start" onSubmit={onStart} busy={busy} cls={cls}>
              <EmailPasswordFields
                formId={formId}
                email={email}
                onEmailChange={setEmail}
                password={password}
                onPasswordChange={setPassword}
                errors={errors.fields}
                purpose="sign-up"
                autoFocusEmail={cameBack}
                cls={cls}
              />
              {formAlert}
              <SubmitButton busy={busy} cls={cls}>
                {t.formButtonPrimary}
              </SubmitButton>
            </BusyForm>
          </>
        ) : (
          <>
            <CardHeader
              title={t.signUp.emailCode.title}
              subtitle={formatMessage(t.signUp.emailCode.subtitle, {
                identifier: active?.emailAddress ?? email.trim(),
              })}
              cls={cls}
            />
            <BusyForm key={step} onSubmit={onVerify} busy={busy} cls={cls}>
              <CodeField
                formId={formId}
                label={t.formFieldLabel__code}
                value={code}
                onChange={setCode}
                error={errors.fields.code}
                cls={cls}
              />
              {formAlert}
              <FormStatus message={notice} cls={cls} />
              <SubmitButton busy={busy} cls={cls}>
                {t.formButtonPrimary__verify}
              </SubmitButton>
              <ResendCodeButton
                onResend={onResend}
                label={t.signUp.emailCode.resendButton}
                cls={cls}
              />
              <ActionButton element="formButtonSecondary" onClick={onChangeEmail} cls={cls}>
                {t.signUp.emailCode.changeEmailButton}
              </ActionButton>
            </BusyForm>
          </>
        )}
        <CardFooter
          prompt={t.signUp.start.actionText}
          href={signInUrl}
          action={t.signUp.start.actionLink}
          cls={cls}
        />
      </div>
    </div>
  );
}
