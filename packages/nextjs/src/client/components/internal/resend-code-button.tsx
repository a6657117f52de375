import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { ActionButton } from "./action-button.js";

/** Props of {@link ResendCodeButton}. */
export interface ResendCodeButtonProps {
  onResend(): void;
  /** The button's text (localized). */
  label: string;
  cls(element: AppearanceElement): string;
}

/**
 * The "Resend code" button of a code step, `aria-disabled` while the form is busy (it keeps
 * focus; the status line below the code says when a new code was sent).
 *
 * @example
 * <ResendCodeButton onResend={onResend} label={t.signIn.emailCode.resendButton} cls={cls} />
 */
export function ResendCodeButton(props: ResendCodeButtonProps): ReactNode {
  return (
    <ActionButton element="formResendCodeLink" onClick={props.onResend} cls={props.cls}>
      {props.label}
    </ActionButton>
  );
}
