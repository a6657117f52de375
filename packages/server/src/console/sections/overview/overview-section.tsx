/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Hono } from "hono";
import type { DailyActivity } from "../../../store/sign-in-stats-store.js";
import type { ConsoleEnv } from "../../console-env.js";
import { renderPage } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DailyBarChart, type DailySeries } from "./daily-bar-chart.js";

/** How many days the overview charts, today included. */
export const OVERVIEW_DAYS = 30;

/** The charts of the overview, from the store's daily counts. */
function overviewSeries(activity: DailyActivity): DailySeries[] {
  const { days } = activity;
  return [
    {
      id: "sign-ups",
      title: "Sign-ups",
      description: "Users created each day (sign-ups, the Backend API and imports).",
      days,
      values: activity.signUps,
    },
    {
      id: "live-sessions",
      title: "Live sessions",
      description:
        "Sessions live at some time of each day: started by its end, not ended before it.",
      days,
      values: activity.liveSessions,
    },
    {
      id: "failed-sign-ins",
      title: "Failed sign-ins",
      description: "Wrong passwords, codes and backup codes entered while signing in, each day.",
      days,
      values: activity.failedSignIns,
      danger: true,
    },
    {
      id: "lockouts",
      title: "Lockouts",
      description: "Users locked each day after too many failed attempts.",
      days,
      values: activity.lockouts,
      danger: true,
    },
  ];
}

/** The console's first page: the instance at a glance over the last 30 days. */
export function mountOverviewSection(app: Hono<ConsoleEnv>): void {
  app.get("/", async (c) => {
    const { store, clock } = c.get("setup").services;
    const now = clock.now();
    const [users, locked, activity] = await Promise.all([
      store.countUsers({}),
      store.countUsers({ locked: { locked: true, now } }),
      store.dailyActivity(now, OVERVIEW_DAYS),
    ]);
    return renderPage(c, {
      title: "Overview",
      active: "overview",
      body: (
        <>
          <h1>Overview</h1>
          <section aria-labelledby="now-heading">
            <h2 id="now-heading">Now</h2>
            <dl class="facts card" id="overview-now">
              <dt>Users</dt>
              <dd>
                <a href={`${CONSOLE_PATH}/users`}>{users.toLocaleString("en")}</a>
              </dd>
              <dt>Active sessions</dt>
              <dd>{activity.activeSessionsNow.toLocaleString("en")}</dd>
              <dt>Users locked</dt>
              <dd>
                <a href={`${CONSOLE_PATH}/users?status=locked`}>{locked.toLocaleString("en")}</a>
              </dd>
            </dl>
          </section>
          <h2>Last {OVERVIEW_DAYS} days (UTC)</h2>
          <div class="card-grid">
            {overviewSeries(activity).map((series) => (
              <DailyBarChart series={series} />
            ))}
          </div>
        </>
      ),
    });
  });
}
