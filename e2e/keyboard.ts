// Keyboard-only helpers of the specs: reach a control with Tab as a person would, and name
// what has focus.
import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40, backwards = false) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target, `reached with ${max} presses of Tab`).toBeFocused();
}

/** What has focus, as tag, name and accessible label: "BODY" means focus was lost. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "BODY";
    const label =
      element.getAttribute("aria-label") ??
      (element.id
        ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent
        : null) ??
      element.textContent ??
      "";
    return `${element.tagName} ${label.trim()}`;
  });
}
