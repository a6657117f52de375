import type { FormEvent, ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link BusyForm}. */
export interface BusyFormProps {
  onSubmit(event: FormEvent): void;
  /** Sets `aria-busy` while the form's action runs. */
  busy: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * A component's form: styled, validated by the component rather than the browser (`noValidate`),
 * and `aria-busy` while its action runs.
 *
 * @example
 * <BusyForm onSubmit={onCreate} busy={busy} cls={cls}>…</BusyForm>
 */
export function BusyForm(props: BusyFormProps): ReactNode {
  return (
    <form className={props.cls("form")} onSubmit={props.onSubmit} noValidate aria-busy={props.busy}>
      {props.children}
    </form>
  );
}
