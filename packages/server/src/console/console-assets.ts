import { readFile } from "node:fs/promises";
import type { Hono } from "hono";
import type { ConsoleEnv } from "./console-env.js";

/** The console's stylesheet and script, in the package's `console-assets/` folder. */
const ASSETS = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
} as const;

const ASSETS_DIRECTORY = new URL("../../console-assets/", import.meta.url);

/** Serves `/console/assets/console.css` and `console.js` (read once, then kept). */
export function mountConsoleAssets(app: Hono<ConsoleEnv>): void {
  const cache = new Map<string, Promise<string>>();
  for (const [name, contentType] of Object.entries(ASSETS)) {
    app.get(`/assets/${name}`, async (c) => {
      let text = cache.get(name);
      if (text === undefined) {
        text = readFile(new URL(name, ASSETS_DIRECTORY), "utf8");
        cache.set(name, text);
      }
      return c.body(await text, 200, {
        "content-type": contentType,
        "cache-control": "public, max-age=300",
      });
    });
  }
}
