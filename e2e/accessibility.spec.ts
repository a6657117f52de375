// Every page of the demo, in the light and the dark theme, at phone (390×844) and desktop width:
// axe-core finds no serious or critical violation (color contrast included), and each view is
// saved as a screenshot under test-results/screenshots/ to be looked at.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { contrastRuleRan, seriousAxeViolations } from "./axe";
import { E2E_CLIENT_IP_HEADER } from "./e2e-settings";
import { expect, signUp, test, uniqueEmail } from "./fixtures";

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

const SIGNED_OUT_PAGES = ["/", "/sign-in", "/sign-up"] as const;
const SIGNED_IN_PAGES = ["/", "/dashboard", "/organizations", "/synced-users"] as const;

const screenshotsDir = join(import.meta.dirname, "..", "test-results", "screenshots");

/**
 * Waits until the page is what a person sees (forms hydrated, the user menu loaded), scans it
 * with axe, saves its screenshot, and returns the findings named by view.
 */
async function check(page: Page, testInfo: TestInfo, view: string): Promise<string[]> {
  await page.waitForLoadState("load");
  const form = page.locator("form.latchkey-form").first();
  if ((await form.count()) > 0) await expect(form).toHaveAttribute("data-latchkey-hydrated", "");
  if (view.includes("signed-in")) {
    await expect(page.getByRole("button", { name: /open user menu/i })).toBeVisible();
  }
  mkdirSync(screenshotsDir, { recursive: true });
  const body = await page.screenshot({ fullPage: true, path: join(screenshotsDir, `${view}.png`) });
  await testInfo.attach(view, { body, contentType: "image/png" });
  const findings = await seriousAxeViolations(page);
  return findings.map(
    (finding) =>
      `${view}: ${finding.rule} (${finding.impact}) ${finding.targets.join(", ")} — ${finding.summary}`,
  );
}

function slug(path: string): string {
  return path === "/" ? "home" : path.slice(1).replaceAll("/", "-");
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({
      colorScheme: scheme,
      // Its own client address, so its sign-ups count against no other spec's limits.
      extraHTTPHeaders: {
        [E2E_CLIENT_IP_HEADER]: scheme === "light" ? "192.0.2.31" : "192.0.2.32",
      },
    });

    test(`every demo page passes axe (no serious violation) at phone and desktop width`, async ({
      page,
    }, testInfo) => {
      const findings: string[] = [];
      for (const path of SIGNED_OUT_PAGES) {
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await page.setViewportSize(viewport);
          await page.goto(path);
          findings.push(...(await check(page, testInfo, `${scheme}-${size}-${slug(path)}`)));
        }
      }
      expect(await contrastRuleRan(page)).toBe(true);

      // Error states: the colors of messages and invalid fields.
      await page.setViewportSize(VIEWPORTS.phone);
      await page.goto("/sign-up");
      await page.getByLabel("Email address").fill("not-an-address@");
      await page.getByLabel("Password", { exact: true }).fill("short");
      await page.getByRole("button", { name: "Continue", exact: true }).click();
      await expect(page.getByText(/at least 8 characters/i).last()).toBeVisible();
      findings.push(...(await check(page, testInfo, `${scheme}-phone-sign-up-errors`)));

      await signUp(page, uniqueEmail(`axe-${scheme}`));
      for (const path of SIGNED_IN_PAGES) {
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await page.setViewportSize(viewport);
          await page.goto(path);
          findings.push(
            ...(await check(page, testInfo, `${scheme}-${size}-${slug(path)}-signed-in`)),
          );
        }
      }

      // The popups, open: the organization switcher with its create form, the user menu.
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto("/organizations");
      await page.getByRole("button", { name: /switch organization/ }).click();
      await page.getByRole("button", { name: "New organization" }).click();
      await expect(page.getByLabel("Organization name")).toBeFocused();
      findings.push(...(await check(page, testInfo, `${scheme}-desktop-organization-switcher`)));
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: /open user menu/i }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      findings.push(...(await check(page, testInfo, `${scheme}-desktop-user-menu`)));

      expect(findings).toEqual([]);
    });
  });
}
