import { useContext } from "react";
import {
  type Appearance,
  type AppearanceElement,
  elementClass,
} from "../../internal/appearance.js";
import { ClerkContext } from "../../internal/clerk-context.js";

/**
 * The class-name function of a component: `latchkey-<element>` plus the provider's and the
 * component's `appearance.elements` classes.
 *
 * @example
 * const cls = useElementClass(props.appearance);
 * <button className={cls("formButtonPrimary")} />
 */
export function useElementClass(
  component: Appearance | undefined,
): (element: AppearanceElement) => string {
  const provider = useContext(ClerkContext)?.appearance;
  return (element) => elementClass(element, provider, component);
}
