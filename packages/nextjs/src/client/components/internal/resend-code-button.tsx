import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link ResendCodeButton}. */
export interface ResendCodeButtonProps {
  onResend(): void;
  busy: boolean;
  cls(element: AppearanceElement): string;
}

/**
 * The "Resend code" button of a code step, disabled while the form is busy.
 *
 * @example
 * <ResendCodeButton onResend={onResend} busy={busy} cls={cls} />
 */
export function ResendCodeButton(props: ResendCodeButtonProps): ReactNode {
  return (
    <button
      type="button"
      className={props.cls("formResendCodeLink")}
      onClick={props.onResend}
      disabled={props.busy}
    >
      Resend code
    </button>
  );
}
