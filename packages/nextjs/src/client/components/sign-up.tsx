import type { FormEvent, ReactNode } from "react";
import { useSignUp } from "../hooks/use-sign-up.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import type { SignUpResource } from "../internal/resources/sign-up-resource.js";
import { CredentialsCard } from "./internal/credentials-card.js";
import { CredentialsCodeStep } from "./internal/credentials-code-step.js";
import { CredentialsStartStep } from "./internal/credentials-start-step.js";
import { type CredentialsFlowProps, useCredentialsFlow } from "./internal/use-credentials-flow.js";
import { NAVIGATING } from "./internal/use-form-submission.js";
import { usePasswordRules } from "./internal/use-password-rules.js";

/** Props of `<SignUp/>`. */
export interface SignUpProps extends CredentialsFlowProps {
  /** The sign-in page linked from the footer (default: the provider's `signInUrl`). */
  signInUrl?: string;
}

const FLOW = {
  kind: "signUp",
  steps: ["start", "verify-email-address"],
  fieldByParam: { email_address: "email", identifier: "email", password: "password", code: "code" },
} as const;

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
  const { signUp: current, isLoaded } = useSignUp();
  const flow = useCredentialsFlow(FLOW, props, current, isLoaded);
  const { form, active } = flow;
  const t = useLocalization();
  const rules = usePasswordRules();

  const finish = async (attempt: SignUpResource): Promise<typeof NAVIGATING | undefined> => {
    if (await flow.activateIfComplete(attempt)) return NAVIGATING;
    if (attempt.unverifiedFields.includes("email_address")) {
      const prepared =
        attempt.verifications.emailAddress?.nextAction === "needs_attempt"
          ? attempt
          : await attempt.prepareEmailAddressVerification({ strategy: "email_code" });
      flow.setAttempt(prepared);
      form.setCode("");
      form.setNotice(null);
      flow.goTo("verify-email-address");
      return undefined;
    }
    const missing = attempt.missingFields.join(", ");
    form.setErrors({
      fields: {},
      form: missing
        ? formatMessage(t.signUp.missingFields, { fields: missing })
        : t.formErrors.cannotContinue,
    });
    return undefined;
  };

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    const { email, password } = form;
    const fields: Record<string, string> = {};
    if (email.trim() === "") fields.email = t.formErrors.emailAddressRequired;
    if (password === "") fields.password = t.formErrors.passwordRequired;
    else if (password.length < rules.minLength) {
      fields.password = formatMessage(t.formErrors.passwordTooShort, {
        minLength: rules.minLength,
      });
    }
    if (Object.keys(fields).length > 0) {
      form.setErrors({ fields, form: null });
      return;
    }
    void form.run(async () =>
      finish(await current.create({ emailAddress: email.trim(), password })),
    );
  };

  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    const to = flow.attemptForCode();
    if (to === null) return;
    const code = form.code.trim();
    void form.run(async () => finish(await to.attemptEmailAddressVerification({ code })));
  };

  const onResend = () =>
    flow.resend((from) => from.prepareEmailAddressVerification({ strategy: "email_code" }));

  return (
    <CredentialsCard
      flow={flow}
      appearance={props.appearance}
      footerHref={props.signInUrl ?? flow.redirects.signInUrl}
    >
      {flow.step === "start" ? (
        <CredentialsStartStep flow={flow} onSubmit={onStart} />
      ) : (
        <CredentialsCodeStep
          flow={flow}
          title={t.signUp.emailCode.title}
          subtitle={formatMessage(t.signUp.emailCode.subtitle, {
            identifier: active?.emailAddress ?? form.email.trim(),
          })}
          label={t.formFieldLabel__code}
          onSubmit={onVerify}
          submitLabel={t.formButtonPrimary__verify}
          onResend={onResend}
          resendLabel={t.signUp.emailCode.resendButton}
          backLabel={t.signUp.emailCode.changeEmailButton}
        />
      )}
    </CredentialsCard>
  );
}
