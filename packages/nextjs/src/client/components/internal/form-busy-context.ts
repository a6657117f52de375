import { createContext, useContext } from "react";

/** Whether the enclosing `BusyForm`'s action runs (false outside a form). */
export const FormBusyContext = createContext(false);

/**
 * Whether the enclosing `BusyForm` is busy: its fields turn read-only and its buttons
 * `aria-disabled` (they stay focusable, so focus never falls to the page).
 *
 * @throws never.
 * @example
 * const busy = useFormBusy();
 * <input readOnly={busy} />
 */
export function useFormBusy(): boolean {
  return useContext(FormBusyContext);
}
