import { type CSSProperties, useContext } from "react";
import {
  type Appearance,
  type AppearanceElement,
  elementClass,
  variablesStyle,
} from "../../internal/appearance.js";
import { ClerkContext } from "../../internal/clerk-context.js";

/**
 * The class-name function of a component: `latchkey-<element>` plus the provider's and the
 * component's `appearance.elements` classes. `cls.rootStyle` holds the custom properties of
 * `appearance.variables`, for the component's root element.
 *
 * @example
 * const cls = useElementClass(props.appearance);
 * <div className={cls("rootBox")} style={cls.rootStyle}><button className={cls("formButtonPrimary")} /></div>
 */
export function useElementClass(component: Appearance | undefined): ElementClass {
  const provider = useContext(ClerkContext)?.appearance;
  const cls = (element: AppearanceElement) => elementClass(element, provider, component);
  return Object.assign(cls, {
    rootStyle: variablesStyle(provider, component) as CSSProperties | undefined,
  });
}

/** What {@link useElementClass} returns. */
export type ElementClass = ((element: AppearanceElement) => string) & {
  rootStyle: CSSProperties | undefined;
};
