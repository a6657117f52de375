import { defineConfig } from "vitest/config";
import { SkipReporter } from "./test/skip-reporter.js";

export default defineConfig({
  test: {
    // The packages (the demo's pages are covered end to end, in e2e/).
    projects: ["packages/*"],
    // Says why tests were skipped; with LATCHKEY_FORBID_SKIPS=1 (CI) a skipped test fails the run.
    reporters: ["default", new SkipReporter()],
  },
});
