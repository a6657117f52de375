/** Elements whose class names `appearance.elements` can extend. */
export type AppearanceElement =
  | "rootBox"
  | "card"
  | "header"
  | "headerTitle"
  | "headerSubtitle"
  | "form"
  | "formField"
  | "formFieldLabel"
  | "formFieldInput"
  | "formFieldErrorText"
  | "formButtonPrimary"
  | "formButtonSecondary"
  | "formResendCodeLink"
  | "alert"
  | "footer"
  | "footerActionLink"
  | "userButtonBox"
  | "userButtonTrigger"
  | "avatarBox"
  | "avatarImage"
  | "userButtonPopoverCard"
  | "userPreview"
  | "userPreviewMainIdentifier"
  | "userPreviewSecondaryIdentifier"
  | "userButtonPopoverActionButton"
  | "organizationSwitcherTrigger"
  | "organizationSwitcherPopoverCard"
  | "organizationSwitcherPopoverActionButton"
  | "organizationPreview";

/**
 * Styling overrides, Clerk's `appearance` shape: extra class names per element. Given on the
 * provider (every component) and on a component (that one); both apply.
 */
export interface Appearance {
  elements?: Partial<Record<AppearanceElement, string>>;
  /** `false` skips the default stylesheet (for apps that style every `latchkey-` class). */
  defaultStyles?: boolean;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The class names of an element: `latchkey-<element>` (kebab-case), then the provider's and the
 * component's `appearance.elements` classes.
 *
 * @example
 * elementClass("formButtonPrimary", { elements: { formButtonPrimary: "btn" } }, undefined);
 * // "latchkey-form-button-primary btn"
 */
export function elementClass(
  element: AppearanceElement,
  provider: Appearance | undefined,
  component: Appearance | undefined,
): string {
  return [
    `latchkey-${kebab(element)}`,
    provider?.elements?.[element],
    component?.elements?.[element],
  ]
    .filter(Boolean)
    .join(" ");
}
