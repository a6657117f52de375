import { defineConfig } from "@playwright/test";
import { SHARED_E2E_CONFIG, SHARED_E2E_USE } from "./e2e/browser-settings";

/**
 * apps/clerk-demo — Clerk's own @clerk/nextjs and components, unmodified — against a Latchkey
 * instance (`pnpm test:clerk`). `e2e/clerk/global-setup.ts` starts the instance and `next start`
 * with the environment `pnpm dev` writes (building the app once if needed). Each test has its own
 * user, so they run side by side: the one that waits out the session token's 60 s sets the
 * suite's length. Same browser and limits as playwright.config.ts otherwise.
 */
export default defineConfig({
  ...SHARED_E2E_CONFIG,
  fullyParallel: true,
  // One worker waits out the token's lifetime while the other runs the rest.
  workers: 2,
  // Clerk's components load two bundles (clerk-js, ui) on every page: slower than the demo's.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  testDir: "./e2e/clerk",
  outputDir: "./test-results/playwright-clerk",
  globalSetup: "./e2e/clerk/global-setup.ts",
  use: SHARED_E2E_USE,
});
