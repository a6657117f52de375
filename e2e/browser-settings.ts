// What every Playwright config of the repository shares: one worker, the same time limits, and
// the same browser (Debian's Chromium when present, as CI installs it; otherwise Playwright's own).
import { existsSync } from "node:fs";
import type { PlaywrightTestConfig } from "@playwright/test";

const debianChromium = "/usr/bin/chromium";

/** Launch options: Debian's Chromium with the flags this machine needs, when it is there. */
export const CHROMIUM_LAUNCH_OPTIONS = existsSync(debianChromium)
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
  : {};

/** The settings both configs share; each adds its folders, setup and `use` extras. */
export const SHARED_E2E_CONFIG = {
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
} satisfies PlaywrightTestConfig;

/** `use` settings both configs share: screenshots, traces on failure, the browser. */
export const SHARED_E2E_USE = {
  screenshot: "on",
  trace: "retain-on-failure",
  launchOptions: CHROMIUM_LAUNCH_OPTIONS,
} satisfies PlaywrightTestConfig["use"];
