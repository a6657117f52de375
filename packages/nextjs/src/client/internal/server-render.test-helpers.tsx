/**
 * Server rendering and hydration for the client tests (never built or shipped): the component's
 * HTML as `react-dom/server` sends it, what a visitor does to it before the scripts run, then
 * `hydrateRoot` over it, as in the browser.
 */
import { act } from "@testing-library/react";
import type { ReactNode } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { ClerkProvider } from "../clerk-provider.js";
import {
  type RecordedNavigation,
  recordNavigation,
  type TestBrowserFetch,
} from "./test-app.test-helpers.js";

/** A tree rendered to HTML in the document, not hydrated yet. */
export interface ServerRendered {
  /** Holds the server's HTML (in `document.body`, so `screen` queries find it). */
  container: HTMLElement;
  /** Hydrates the container with the same tree; resolves once React has committed. */
  hydrate(): Promise<void>;
  /** Hydration mismatches and other errors React recovered from. */
  recoverableErrors: unknown[];
}

const roots = new Set<Root>();

/**
 * Renders `tree` with `react-dom/server` and puts the HTML into the document; `hydrate()` then
 * hands the same tree to `hydrateRoot`. Call {@link unmountHydrated} after each test.
 *
 * @example
 * const page = renderOnServer(<BusyForm …/>);
 * typeBeforeHydration(page.container, "Email address", "ada@example.com");
 * await page.hydrate();
 */
export function renderOnServer(tree: ReactNode): ServerRendered {
  const container = document.createElement("div");
  container.innerHTML = renderToString(tree);
  document.body.append(container);
  const recoverableErrors: unknown[] = [];
  return {
    container,
    recoverableErrors,
    hydrate: async () => {
      await act(async () => {
        roots.add(
          hydrateRoot(container, tree, {
            onRecoverableError: (error) => {
              recoverableErrors.push(error);
            },
          }),
        );
      });
    },
  };
}

/**
 * `ui` inside the client `<ClerkProvider>` wired to the test browser, recording navigation
 * instead of performing it (as `renderWithProvider` does), for {@link renderOnServer}.
 *
 * @example
 * const { tree, navigation } = providerTree(<SignIn />, browser);
 * const page = renderOnServer(tree);
 */
export function providerTree(
  ui: ReactNode,
  browser: TestBrowserFetch,
): { tree: ReactNode; navigation: RecordedNavigation } {
  const { navigation, props } = recordNavigation();
  const tree = (
    <ClerkProvider fetch={browser.fetch} {...props}>
      {ui}
    </ClerkProvider>
  );
  return { tree, navigation };
}

/** Unmounts what {@link renderOnServer} hydrated and empties the document. */
export function unmountHydrated(): void {
  for (const root of roots) act(() => root.unmount());
  roots.clear();
  document.body.replaceChildren();
}

/**
 * Types into the server's input labelled `label` the way a visitor does before React is there:
 * the DOM's value changes and `input` fires, with no handler to hear it.
 */
export function typeBeforeHydration(container: HTMLElement, label: string, text: string): void {
  const labelElement = [...container.querySelectorAll("label")].find(
    (element) => element.textContent === label,
  );
  const input = labelElement?.htmlFor
    ? container.ownerDocument.getElementById(labelElement.htmlFor)
    : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no input labelled "${label}"`);
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * What would let the browser itself submit a form under `root` before hydration, or put its
 * fields in a URL: a form whose method is not POST, an enabled submit button, a named field.
 * Returns one line per finding (empty: none) and throws when there is no form to check.
 */
export function formLeaks(root: ParentNode): string[] {
  const forms = [...root.querySelectorAll("form")];
  if (forms.length === 0) throw new Error("no form rendered: nothing to check");
  return forms.flatMap((form, index) => {
    const findings: string[] = [];
    if (form.getAttribute("method")?.toLowerCase() !== "post") {
      findings.push(`form ${index}: method is ${form.getAttribute("method") ?? "(none: GET)"}`);
    }
    for (const button of form.querySelectorAll("button")) {
      if (button.type === "submit" && !button.disabled) {
        findings.push(`form ${index}: "${button.textContent}" can submit`);
      }
    }
    for (const field of form.querySelectorAll("input, select, textarea")) {
      const name = field.getAttribute("name");
      if (name) findings.push(`form ${index}: field "${name}" would be sent`);
    }
    return findings;
  });
}
