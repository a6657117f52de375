import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link SubmitButton}. */
export interface SubmitButtonProps {
  /** Disables the button while the form's action runs. */
  busy: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * A form's primary submit button, disabled while the form is busy.
 *
 * @example
 * <SubmitButton busy={busy} cls={cls}>Continue</SubmitButton>
 */
export function SubmitButton(props: SubmitButtonProps): ReactNode {
  return (
    <button type="submit" className={props.cls("formButtonPrimary")} disabled={props.busy}>
      {props.children}
    </button>
  );
}
