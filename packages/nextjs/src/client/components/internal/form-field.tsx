import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link FormField}. */
export interface FormFieldProps {
  /** Unique id prefix of the form (from `useId`). */
  formId: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  autoFocus?: boolean;
  cls(element: AppearanceElement): string;
}

/**
 * A labelled input with its error beside it: `aria-invalid` and `aria-describedby` point at the
 * message, which is announced (`role="alert"`) when it appears.
 */
export function FormField(props: FormFieldProps): ReactNode {
  const inputId = `${props.formId}-${props.name}`;
  const errorId = `${inputId}-error`;
  return (
    <div className={props.cls("formField")} data-latchkey-field={props.name}>
      <label className={props.cls("formFieldLabel")} htmlFor={inputId}>
        {props.label}
      </label>
      <input
        id={inputId}
        name={props.name}
        className={props.cls("formFieldInput")}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
        {...(props.autoComplete === undefined ? {} : { autoComplete: props.autoComplete })}
        {...(props.inputMode === undefined ? {} : { inputMode: props.inputMode })}
        // biome-ignore lint/a11y/noAutofocus: moving focus to the step's field is the expected flow
        autoFocus={props.autoFocus}
      />
      {props.error ? (
        <p
          id={errorId}
          className={props.cls("formFieldErrorText")}
          role="alert"
          data-latchkey-error={props.name}
        >
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
