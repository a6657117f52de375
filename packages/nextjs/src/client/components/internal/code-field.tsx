import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { FormField } from "./form-field.js";

/** Length of the instance's one-time codes (email codes and authenticator codes). */
export const CODE_LENGTH = 6;

/** Props of {@link CodeField}. */
export interface CodeFieldProps {
  /** Unique id prefix of the form (from `useId`). */
  formId: string;
  /** e.g. "Verification code" or "Authentication code". */
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  cls(element: AppearanceElement): string;
}

/**
 * The one-time code input of a verification step: six digits (`maxlength`), numeric keyboard
 * (`inputmode`), `one-time-code` autofill, focused when the step opens. Spaces and dashes pasted
 * with a code are dropped.
 *
 * @example
 * <CodeField formId={formId} label="Verification code" value={code} onChange={setCode}
 *   error={errors.fields.code} cls={cls} />
 */
export function CodeField(props: CodeFieldProps): ReactNode {
  return (
    <FormField
      formId={props.formId}
      name="code"
      label={props.label}
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9]*"
      maxLength={CODE_LENGTH}
      spellCheck={false}
      required
      autoFocus
      value={props.value}
      onChange={(value) => props.onChange(value.replace(/[\s-]/g, ""))}
      error={props.error}
      cls={props.cls}
    />
  );
}
