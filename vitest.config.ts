import { defineConfig } from "vitest/config";
import { SkipReporter } from "./test/skip-reporter.js";

export default defineConfig({
  test: {
    // The packages, and the demo's scripts (`pnpm dev` ports and environment).
    projects: ["packages/*", "apps/demo"],
    // Says why tests were skipped; with LATCHKEY_FORBID_SKIPS=1 (CI) a skipped test fails the run.
    reporters: ["default", new SkipReporter()],
  },
});
