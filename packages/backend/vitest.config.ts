import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "backend",
    include: ["src/**/*.test.ts"],
    // Test files share a worker's modules (the suite runs in a seventh of the time). None keeps
    // state in modules, and a test that stubs something restores it.
    isolate: false,
  },
});
