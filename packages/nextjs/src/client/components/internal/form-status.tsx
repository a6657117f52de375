import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link FormStatus}. */
export interface FormStatusProps {
  /** The status line, or `null` for none (the region stays, empty). */
  message: string | null;
  cls(element: AppearanceElement): string;
}

/**
 * A polite live region (`role="status"`) for a form's status lines ("A new code is on its
 * way."). It is always rendered, empty when there is nothing to say, so screen readers know the
 * region before a message is put in it and announce the message.
 *
 * @example
 * <FormStatus message={notice} cls={cls} />
 */
export function FormStatus(props: FormStatusProps): ReactNode {
  return (
    <p className={props.cls("formStatus")} role="status">
      {props.message ?? ""}
    </p>
  );
}
