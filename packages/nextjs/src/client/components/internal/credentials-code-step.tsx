import type { FormEvent, ReactNode } from "react";
import { ActionButton } from "./action-button.js";
import { BusyForm } from "./busy-form.js";
import { CardHeader } from "./card-header.js";
import { CodeField } from "./code-field.js";
import { FormErrorBanner } from "./form-error-banner.js";
import { FormStatus } from "./form-status.js";
import { ResendCodeButton } from "./resend-code-button.js";
import { SubmitButton } from "./submit-button.js";
import type { CredentialsFlow, FlowAttempt } from "./use-credentials-flow.js";

/** Props of {@link CredentialsCodeStep}. */
export interface CredentialsCodeStepProps {
  flow: CredentialsFlow<string, FlowAttempt>;
  title: string;
  subtitle: string;
  /** The code field's label. */
  label: string;
  onSubmit(event: FormEvent): void;
  /** The submit button's text. */
  submitLabel: string;
  /** Sends a new code; with `resendLabel` unset there is no resend button. */
  onResend(): void;
  resendLabel?: string | undefined;
  /** The text of the button going back to the first step. */
  backLabel: string;
}

/**
 * A code step of `<SignIn/>` or `<SignUp/>`: its heading, then a form with the code field, the
 * form-wide error, the status line, the submit button, "Resend code" and a way back to the first
 * step. The form is new for each step, so the code field takes focus when a step opens.
 *
 * @example
 * <CredentialsCodeStep flow={flow} title="Check your email" subtitle="…" label="Code"
 *   onSubmit={onVerify} submitLabel="Verify" onResend={onResend} resendLabel="Resend code"
 *   backLabel="Back" />
 */
export function CredentialsCodeStep(props: CredentialsCodeStepProps): ReactNode {
  const { flow } = props;
  const { form, cls } = flow;
  return (
    <>
      <CardHeader title={props.title} subtitle={props.subtitle} cls={cls} />
      <BusyForm key={flow.step} onSubmit={props.onSubmit} busy={form.busy} cls={cls}>
        <CodeField
          formId={flow.formId}
          label={props.label}
          value={form.code}
          onChange={form.setCode}
          error={form.errors.fields.code}
          cls={cls}
        />
        <FormErrorBanner message={form.errors.form} cls={cls} />
        <FormStatus message={form.notice} cls={cls} />
        <SubmitButton busy={form.busy} cls={cls}>
          {props.submitLabel}
        </SubmitButton>
        {props.resendLabel === undefined ? null : (
          <ResendCodeButton onResend={props.onResend} label={props.resendLabel} cls={cls} />
        )}
        <ActionButton element="formButtonSecondary" onClick={flow.back} cls={cls}>
          {props.backLabel}
        </ActionButton>
      </BusyForm>
    </>
  );
}
