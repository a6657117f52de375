import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { ActionButton } from "./action-button.js";

/** Props of {@link SubmitButton}. */
export interface SubmitButtonProps {
  /** Marks the button pending (`aria-disabled`, a spinner) while the form's action runs. */
  busy: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * A form's primary submit button. Disabled until hydrated: in the server's HTML it is disabled,
 * so the browser cannot submit the form on its own (a click, or Enter in a field) before the
 * component's handler is attached (see `BusyForm`). While busy it shows a pending mark and is
 * `aria-disabled`, keeping focus; `BusyForm` ignores submits meanwhile.
 *
 * @throws never.
 * @example
 * <SubmitButton busy={busy} cls={cls}>Continue</SubmitButton>
 */
export function SubmitButton(props: SubmitButtonProps): ReactNode {
  return (
    <ActionButton type="submit" element="formButtonPrimary" busy={props.busy} cls={props.cls}>
      {props.children}
    </ActionButton>
  );
}
