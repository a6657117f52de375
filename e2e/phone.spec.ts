// The demo on a phone (390×844): nothing scrolls sideways, the header wraps so the user menu
// (the way to sign out) stays on screen, the organization switcher's popup fits, and every link
// and button of the header, the cards and the popups is a target of at least 24×24 px
// (WCAG 2.5.8).
import type { Page } from "@playwright/test";
import { E2E_CLIENT_IP_HEADER } from "./e2e-settings";
import { expect, signUp, test, uniqueEmail } from "./fixtures";

test.use({
  viewport: { width: 390, height: 844 },
  extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: "192.0.2.33" },
});

/** How far the page scrolls sideways (0: not at all). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Links and buttons under `selector` smaller than 24×24 px, as "text (w×h)". */
function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return [];
      return box.width < 24 || box.height < 24
        ? [`${element.textContent?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`]
        : [];
    }),
  );
}

/** Whether `locator`'s box lies inside the viewport's width. */
async function insideViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

const TARGETS = "header a, header button, .latchkey-card a, .latchkey-card button";

test("every page fits a phone: no sideways scrolling, menus on screen, 24 px targets", async ({
  page,
}) => {
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    expect(await sidewaysOverflow(page), path).toBe(0);
    expect(await smallTargets(page, TARGETS), path).toEqual([]);
  }

  await signUp(page, uniqueEmail("phone"));
  for (const path of ["/", "/dashboard", "/organizations", "/synced-users"]) {
    await page.goto(path);
    expect(await sidewaysOverflow(page), path).toBe(0);
    expect(await smallTargets(page, TARGETS), path).toEqual([]);
    const avatar = page.getByRole("button", { name: /open user menu/i });
    await expect(avatar).toBeInViewport({ ratio: 1 });
  }

  // The long values of the dashboard wrap instead of pushing the page wider.
  await page.goto("/dashboard");
  const idBox = await page.getByTestId("session-id").boundingBox();
  expect((idBox?.x ?? 0) + (idBox?.width ?? 0)).toBeLessThanOrEqual(390);

  // The organization switcher's popup opens inside the screen, with room for its create form.
  await page.goto("/organizations");
  await page.getByRole("button", { name: /switch organization/ }).click();
  const popup = page.getByRole("dialog", { name: "Switch organization" });
  await expect(popup).toBeVisible();
  expect(await insideViewport(page, '[role="dialog"]')).toBe(true);
  await popup.getByRole("button", { name: "New organization" }).click();
  expect(await insideViewport(page, '[role="dialog"]')).toBe(true);
  expect(await sidewaysOverflow(page)).toBe(0);
  expect(await smallTargets(page, '[role="dialog"] button')).toEqual([]);
  await page.keyboard.press("Escape");

  // The user menu too, and signing out from it works on a phone.
  await page.getByRole("button", { name: /open user menu/i }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeInViewport({ ratio: 1 });
  await menu.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
});
