import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { FormField } from "./form-field.js";

/** Props of {@link EmailPasswordFields}. */
export interface EmailPasswordFieldsProps {
  /** Unique id prefix of the form (from `useId`). */
  formId: string;
  email: string;
  onEmailChange(value: string): void;
  password: string;
  onPasswordChange(value: string): void;
  /** The form's field errors; `email` and `password` are shown beside their inputs. */
  errors: Record<string, string>;
  /** `autocomplete` of the email input (`username` to sign in, `email` to sign up). */
  emailAutoComplete: string;
  /** `autocomplete` of the password input (`current-password` or `new-password`). */
  passwordAutoComplete: string;
  cls(element: AppearanceElement): string;
}

/**
 * The "Email address" and "Password" fields of the first sign-in and sign-up step.
 *
 * @example
 * <EmailPasswordFields formId={formId} email={email} onEmailChange={setEmail}
 *   password={password} onPasswordChange={setPassword} errors={errors.fields}
 *   emailAutoComplete="username" passwordAutoComplete="current-password" cls={cls} />
 */
export function EmailPasswordFields(props: EmailPasswordFieldsProps): ReactNode {
  return (
    <>
      <FormField
        formId={props.formId}
        name="email"
        label="Email address"
        type="email"
        autoComplete={props.emailAutoComplete}
        value={props.email}
        onChange={props.onEmailChange}
        error={props.errors.email}
        cls={props.cls}
      />
      <FormField
        formId={props.formId}
        name="password"
        label="Password"
        type="password"
        autoComplete={props.passwordAutoComplete}
        value={props.password}
        onChange={props.onPasswordChange}
        error={props.errors.password}
        cls={props.cls}
      />
    </>
  );
}
