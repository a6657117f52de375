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
  | "organizationPreview"
  | "organizationPreviewSecondaryIdentifier"
  | "badge"
  | "formFieldHintText"
  | "formStatus"
  | "socialButtons"
  | "socialButtonsBlockButton"
  | "dividerRow"
  | "dividerLine"
  | "dividerText";

/**
 * Theme values, Clerk's `appearance.variables`: any CSS value, so `var(--brand)` works and a
 * theme can follow the app's own light and dark palettes. Each becomes a custom property
 * (`colorPrimary` → `--latchkey-color-primary`) on the component's root, read by the default
 * stylesheet. Pick pairs that keep WCAG AA contrast (4.5:1 for text, 3:1 for borders).
 */
export interface AppearanceVariables {
  /** Primary buttons, links, focus rings and the avatar's background. */
  colorPrimary?: string;
  /** Text on `colorPrimary`. */
  colorTextOnPrimaryBackground?: string;
  /** Cards and popups. */
  colorBackground?: string;
  colorText?: string;
  /** Subtitles, hints, secondary lines. */
  colorTextSecondary?: string;
  colorInputBackground?: string;
  colorInputText?: string;
  /** Error text and borders. */
  colorDanger?: string;
  /** Borders of inputs and secondary buttons (3:1 against the background). */
  colorNeutral?: string;
  borderRadius?: string;
  fontFamily?: string;
  fontSize?: string;
  /**
   * Latchkey's addition: the CSS `color-scheme` of the components (`light`, `dark`,
   * `light dark`), so scrollbars and autofill match the colors. Default `light`.
   */
  colorScheme?: string;
}

/**
 * Styling overrides, Clerk's `appearance` shape: extra class names per element. Given on the
 * provider (every component) and on a component (that one); both apply.
 */
export interface Appearance {
  elements?: Partial<Record<AppearanceElement, string>>;
  /** Colors, radius and font of the default stylesheet; see {@link AppearanceVariables}. */
  variables?: AppearanceVariables;
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

/**
 * The custom properties of `appearance.variables` (the provider's, then the component's), for
 * the `style` of a component's root element; undefined when none is set.
 *
 * @example
 * variablesStyle({ variables: { colorPrimary: "var(--accent)" } }, undefined);
 * // { "--latchkey-color-primary": "var(--accent)" }
 */
export function variablesStyle(
  provider: Appearance | undefined,
  component: Appearance | undefined,
): Record<string, string> | undefined {
  const merged = { ...provider?.variables, ...component?.variables };
  const entries = Object.entries(merged).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
  );
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([name, value]) => [`--latchkey-${kebab(name)}`, value]));
}
