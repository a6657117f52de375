import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "create-latchkey-app",
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
