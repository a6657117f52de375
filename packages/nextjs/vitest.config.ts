import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [
    {
      // The client tests (`@vitest-environment jsdom`) run the real instance in process; Vite's
      // client transform would rewrite the server's `new URL(…, import.meta.url)` file lookups
      // into page URLs, so hide them from it.
      name: "latchkey:server-file-urls",
      enforce: "pre",
      transform(code, id) {
        if (!id.includes("/packages/server/src/") || !code.includes("import.meta.url")) return;
        return { code: code.replaceAll("import.meta.url", 'import.meta["url"]'), map: null };
      },
    },
  ],
  test: {
    name: "nextjs",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // The client tests boot a real instance (migrations on PGlite or PostgreSQL) per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
