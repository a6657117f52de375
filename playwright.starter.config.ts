import { defineConfig } from "@playwright/test";
import { SHARED_E2E_CONFIG, SHARED_E2E_USE } from "./e2e/browser-settings";

/**
 * The starter outside the repository (`pnpm test:starter`): `e2e/starter/global-setup.ts` creates
 * an app with create-latchkey-app in the system's temporary folder, installs it with npm from its
 * vendored tarballs, builds it, and starts it with its own instance; the spec drives Chromium
 * through it. Same browser and limits as playwright.config.ts (e2e/browser-settings.ts).
 */
export default defineConfig({
  ...SHARED_E2E_CONFIG,
  testDir: "./e2e/starter",
  outputDir: "./test-results/playwright-starter",
  globalSetup: "./e2e/starter/global-setup.ts",
  use: SHARED_E2E_USE,
});
