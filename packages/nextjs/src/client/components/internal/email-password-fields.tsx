import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { formatMessage } from "../../internal/localization/format-message.js";
import { useLocalization } from "../../internal/localization/use-localization.js";
import { FormField } from "./form-field.js";
import { usePasswordRules } from "./use-password-rules.js";

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
  /**
   * `sign-in` (`username` / `current-password`) or `sign-up` (`email` / `new-password`, with the
   * instance's password rules shown up front: `minlength`, `maxlength`, `passwordrules`, a hint).
   */
  purpose: "sign-in" | "sign-up";
  /** Focuses the email field when it mounts (coming back to change the address). */
  autoFocusEmail?: boolean;
  cls(element: AppearanceElement): string;
}

/**
 * The "Email address" and "Password" fields of the first sign-in and sign-up step.
 *
 * @example
 * <EmailPasswordFields formId={formId} email={email} onEmailChange={setEmail}
 *   password={password} onPasswordChange={setPassword} errors={errors.fields}
 *   purpose="sign-in" cls={cls} />
 */
export function EmailPasswordFields(props: EmailPasswordFieldsProps): ReactNode {
  const t = useLocalization();
  const rules = usePasswordRules();
  const signUp = props.purpose === "sign-up";
  // What ties each field to the form: its id, name, value, handler and error.
  const bound = (name: "email" | "password", value: string, onChange: (value: string) => void) => ({
    formId: props.formId,
    name,
    value,
    onChange,
    error: props.errors[name],
    cls: props.cls,
  });
  return (
    <>
      <FormField
        {...bound("email", props.email, props.onEmailChange)}
        label={t.formFieldLabel__emailAddress}
        type="email"
        autoComplete={signUp ? "email" : "username"}
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={320}
        autoFocus={props.autoFocusEmail}
      />
      <FormField
        {...bound("password", props.password, props.onPasswordChange)}
        label={t.formFieldLabel__password}
        type="password"
        autoComplete={signUp ? "new-password" : "current-password"}
        required
        {...(signUp
          ? {
              minLength: rules.minLength,
              maxLength: rules.maxLength,
              passwordRules: `minlength: ${rules.minLength}; maxlength: ${rules.maxLength};`,
              hint: formatMessage(t.formFieldHintText__password, { minLength: rules.minLength }),
            }
          : {})}
      />
    </>
  );
}
