import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { E2E_CLIENT_ADDRESS, E2E_CLIENT_IP_HEADER } from "./e2e/e2e-settings";

/**
 * End-to-end tests drive a real Chromium through the demo against a real instance.
 * Debian's Chromium is used when present (CI installs it); otherwise Playwright's own browser.
 * `e2e/global-setup.ts` starts the instance and `next start` (building the demo once if needed);
 * the tests read the app's URL from `E2E_BASE_URL` (see `e2e/fixtures.ts`).
 */
const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  // The starter outside the repository has its own setup: playwright.starter.config.ts.
  testIgnore: ["starter/**"],
  // Screenshots, traces and the e2e instance's data go under test-results/.
  outputDir: "./test-results/playwright",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // As a hosting platform would: the client's address in a header the app is told to believe.
    extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: E2E_CLIENT_ADDRESS },
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: existsSync(debianChromium)
      ? {
          executablePath: debianChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : {},
  },
});
