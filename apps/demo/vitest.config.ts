import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "demo",
    // The demo's own scripts (`pnpm dev`); its pages are covered end to end (e2e/).
    include: ["scripts/**/*.test.ts"],
    environment: "node",
  },
});
