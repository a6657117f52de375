import { type ReactNode, useLayoutEffect, useRef } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { useFormBusy } from "./form-busy-context.js";
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
  /** A rule shown up front, under the input (and read with it): "At least 8 characters." */
  hint?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
  autoFocus?: boolean;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** `passwordrules` for password managers: "minlength: 8; maxlength: 72;". */
  passwordRules?: string;
  pattern?: string;
  spellCheck?: boolean;
  autoCapitalize?: "none" | "off" | "sentences" | "words";
  cls(element: AppearanceElement): string;
}

/**
 * A labelled input with its hint and its error beside it: `aria-describedby` points at both,
 * `aria-invalid` marks an error, which is announced (`role="alert"`) when it appears. While the
 * enclosing `BusyForm` is busy the input is read-only (focus and text stay, nothing changes).
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
  const busy = useFormBusy();
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
  const hintId = `${inputId}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(" ");
  const optional = {
    ...(props.autoComplete === undefined ? {} : { autoComplete: props.autoComplete }),
    ...(props.inputMode === undefined ? {} : { inputMode: props.inputMode }),
    ...(props.minLength === undefined ? {} : { minLength: props.minLength }),
    ...(props.maxLength === undefined ? {} : { maxLength: props.maxLength }),
    ...(props.passwordRules === undefined ? {} : { passwordrules: props.passwordRules }),
    ...(props.pattern === undefined ? {} : { pattern: props.pattern }),
    ...(props.spellCheck === undefined ? {} : { spellCheck: props.spellCheck }),
    ...(props.autoCapitalize === undefined ? {} : { autoCapitalize: props.autoCapitalize }),
  };
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
        readOnly={busy}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy === "" ? undefined : describedBy}
        {...optional}
        // biome-ignore lint/a11y/noAutofocus: moving focus to the step's field is the expected flow
        autoFocus={props.autoFocus}
      />
      {props.hint ? (
        <p id={hintId} className={props.cls("formFieldHintText")}>
          {props.hint}
        </p>
      ) : null}
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
