import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { useHydrated } from "./use-hydrated.js";

/** Props of {@link SubmitButton}. */
export interface SubmitButtonProps {
  /** Disables the button while the form's action runs. */
  busy: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * A form's primary submit button, disabled while the form is busy and until it is hydrated: in
 * the server's HTML it is disabled, so the browser cannot submit the form on its own (a click,
 * or Enter in a field) before the component's handler is attached (see `BusyForm`).
 *
 * @throws never.
 * @example
 * <SubmitButton busy={busy} cls={cls}>Continue</SubmitButton>
 */
export function SubmitButton(props: SubmitButtonProps): ReactNode {
  const hydrated = useHydrated();
  return (
    <button
      type="submit"
      className={props.cls("formButtonPrimary")}
      disabled={props.busy || !hydrated}
    >
      {props.children}
    </button>
  );
}
