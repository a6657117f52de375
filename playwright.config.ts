import { defineConfig } from "@playwright/test";
import { SHARED_E2E_CONFIG, SHARED_E2E_USE } from "./e2e/browser-settings";
import { E2E_CLIENT_ADDRESS, E2E_CLIENT_IP_HEADER } from "./e2e/e2e-settings";

/**
 * End-to-end tests drive a real Chromium through the demo against a real instance.
 * Debian's Chromium is used when present (CI installs it); otherwise Playwright's own browser
 * (e2e/browser-settings.ts). `e2e/global-setup.ts` starts the instance and `next start` (building
 * the demo once if needed); the tests read the app's URL from `E2E_BASE_URL` (see `e2e/fixtures.ts`).
 */
export default defineConfig({
  ...SHARED_E2E_CONFIG,
  testDir: "./e2e",
  // The starter outside the repository and the app on Clerk's own SDK have their own setups:
  // playwright.starter.config.ts, playwright.clerk.config.ts.
  testIgnore: ["starter/**", "clerk/**"],
  // Screenshots, traces and the e2e instance's data go under test-results/.
  outputDir: "./test-results/playwright",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    ...SHARED_E2E_USE,
    // As a hosting platform would: the client's address in a header the app is told to believe.
    extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: E2E_CLIENT_ADDRESS },
  },
});
