/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/**
 * A labelled input of a console form: the label names the input (`for`/`id`), so every control
 * has an accessible name; not remembered by the browser unless `autocomplete` says so.
 *
 * @example
 * <Field id="invitation-email" name="email_address" label="Email address" type="email" required />
 */
export function Field(props: {
  id: string;
  name: string;
  label: Child;
  type?: "text" | "email" | "password" | "url" | "number";
  autocomplete?: string;
  required?: boolean;
  value?: string;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        autocomplete={props.autocomplete ?? "off"}
        required={props.required}
        value={props.value}
      />
    </>
  );
}
