import { type ReactNode, useLayoutEffect, useRef } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { useHydrated } from "./use-hydrated.js";

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
 *
 * Before hydration the input has no `name`, so a form the browser submitted on its own would
 * carry nothing of it (see `BusyForm`). What was typed (or autofilled) before hydration is kept:
 * React leaves the DOM's value alone while hydrating, and the first commit hands it to
 * `onChange`, so the next render does not put the empty state back into the input.
 *
 * @throws never.
 * @example
 * <FormField formId={formId} name="name" label="Organization name" value={name}
 *   onChange={setName} error={errors.fields.name} cls={cls} />
 */
export function FormField(props: FormFieldProps): ReactNode {
  const hydrated = useHydrated();
  const inputRef = useRef<HTMLInputElement>(null);
  // Runs once, in the commit that hydrates (or mounts) the input, before any re-render could
  // overwrite the DOM's value with the state's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first commit can find text typed before hydration.
  useLayoutEffect(() => {
    const typed = inputRef.current?.value ?? "";
    if (typed !== props.value) props.onChange(typed);
  }, []);

  const inputId = `${props.formId}-${props.name}`;
  const errorId = `${inputId}-error`;
  return (
    <div className={props.cls("formField")} data-latchkey-field={props.name}>
      <label className={props.cls("formFieldLabel")} htmlFor={inputId}>
        {props.label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        name={hydrated ? props.name : undefined}
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
