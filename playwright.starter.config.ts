import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * The starter outside the repository (`pnpm test:starter`): `e2e/starter/global-setup.ts` creates
 * an app with create-latchkey-app in the system's temporary folder, installs it with npm from its
 * vendored tarballs, builds it, and starts it with its own instance; the spec drives Chromium
 * through it. Same browser choice as playwright.config.ts.
 */
const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e/starter",
  outputDir: "./test-results/playwright-starter",
  globalSetup: "./e2e/starter/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
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
