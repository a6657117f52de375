import { defineConfig } from "vitest/config";
import { SkipReporter } from "./test/skip-reporter.js";

export default defineConfig({
  test: {
    projects: ["packages/*"],
    // Says why tests were skipped; with LATCHKEY_FORBID_SKIPS=1 (CI) a skipped test fails the run.
    reporters: ["default", new SkipReporter()],
  },
});
