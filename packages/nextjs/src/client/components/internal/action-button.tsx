import type { ButtonHTMLAttributes, ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { useFormBusy } from "./form-busy-context.js";
import { useHydrated } from "./use-hydrated.js";

/** Props of {@link ActionButton}: a native button's, less what the component decides. */
export interface ActionButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "disabled" | "type"> {
  /** The element whose classes the button takes (`formButtonPrimary`, `formButtonSecondary`…). */
  element: AppearanceElement;
  type?: "button" | "submit";
  /** Busy on its own (default: the enclosing `BusyForm`'s busy state). */
  busy?: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
  [data: `data-${string}`]: string | undefined;
}

/**
 * A button of a component. Disabled in the server's HTML (it cannot act before its handler is
 * attached; see `BusyForm`); once hydrated, while busy it is `aria-disabled` and ignores clicks
 * instead of being disabled, so a focused button keeps focus (a disabled one would drop it on
 * the page's body) and a screen reader still finds it.
 *
 * @throws never.
 * @example
 * <ActionButton element="formButtonSecondary" onClick={onBack} cls={cls}>Back</ActionButton>
 */
export function ActionButton(props: ActionButtonProps): ReactNode {
  const { element, type, busy: ownBusy, children, cls, onClick, ...native } = props;
  const hydrated = useHydrated();
  const formBusy = useFormBusy();
  const busy = ownBusy ?? formBusy;
  return (
    <button
      {...native}
      type={type ?? "button"}
      className={cls(element)}
      disabled={!hydrated}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}
