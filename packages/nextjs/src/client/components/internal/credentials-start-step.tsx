import type { FormEvent, ReactNode } from "react";
import { useLocalization } from "../../internal/localization/use-localization.js";
import { BusyForm } from "./busy-form.js";
import { CardHeader } from "./card-header.js";
import { EmailPasswordFields } from "./email-password-fields.js";
import { FormErrorBanner } from "./form-error-banner.js";
import { SocialButtons } from "./social-buttons.js";
import { SubmitButton } from "./submit-button.js";
import type { CredentialsFlow, FlowAttempt } from "./use-credentials-flow.js";

/** Props of {@link CredentialsStartStep}. */
export interface CredentialsStartStepProps {
  flow: CredentialsFlow<string, FlowAttempt>;
  onSubmit(event: FormEvent): void;
  /** More actions, after the submit button ("Email me a code instead"). */
  children?: ReactNode;
}

/**
 * The first step of `<SignIn/>` or `<SignUp/>`: its heading, the instance's social buttons (with
 * a divider), then a form with the email and password fields, the form-wide error and the
 * submit button.
 *
 * @example
 * <CredentialsStartStep flow={flow} onSubmit={onStart} />
 */
export function CredentialsStartStep(props: CredentialsStartStepProps): ReactNode {
  const { flow } = props;
  const { form, cls } = flow;
  const t = useLocalization();
  const texts = t[flow.kind].start;
  return (
    <>
      <CardHeader title={texts.title} subtitle={texts.subtitle} cls={cls} />
      <SocialButtons busy={form.busy} onSelect={flow.startSocial} cls={cls} />
      <BusyForm onSubmit={props.onSubmit} busy={form.busy} cls={cls}>
        <EmailPasswordFields
          formId={flow.formId}
          email={form.email}
          onEmailChange={form.setEmail}
          password={form.password}
          onPasswordChange={form.setPassword}
          errors={form.errors.fields}
          purpose={flow.kind === "signIn" ? "sign-in" : "sign-up"}
          autoFocusEmail={flow.cameBack}
          cls={cls}
        />
        <FormErrorBanner message={form.errors.form} cls={cls} />
        <SubmitButton busy={form.busy} cls={cls}>
          {t.formButtonPrimary}
        </SubmitButton>
        {props.children}
      </BusyForm>
    </>
  );
}
