import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "server",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    // Test files share a worker's modules instead of importing the instance afresh each (about
    // half the suite's time). They keep no state in modules: each makes its own instance and
    // database, and a test that stubs something restores it (vi.restoreAllMocks, unstubAllEnvs).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
