import type { Hono } from "hono";
import type { ConsoleEnv } from "../../console-env.js";
import { renderPage } from "../../console-page.js";

/** The console's first page: the instance at a glance. */
export function mountOverviewSection(app: Hono<ConsoleEnv>): void {
  app.get("/", async (c) => {
    const { store } = c.get("setup").services;
    const users = await store.countUsers({});
    return renderPage(c, {
      title: "Overview",
      active: "overview",
      body: (
        <>
          <h1>Overview</h1>
          <p>{users.toLocaleString("en")} users.</p>
        </>
      ),
    });
  });
}
