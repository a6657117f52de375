import type { ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";

/** Props of {@link FormErrorBanner}. */
export interface FormErrorBannerProps {
  /** The form-wide message; nothing renders when it is `null`. */
  message: string | null;
  cls(element: AppearanceElement): string;
}

/**
 * The form-wide error, announced (`role="alert"`) when it appears.
 *
 * @example
 * <FormErrorBanner message={errors.form} cls={cls} />
 */
export function FormErrorBanner(props: FormErrorBannerProps): ReactNode {
  if (!props.message) return null;
  return (
    <p className={props.cls("alert")} role="alert" data-latchkey-form-error="">
      {props.message}
    </p>
  );
}
