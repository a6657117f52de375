import { describe, expect, it } from "vitest";
import { consoleBrowser } from "../../../../test/console-browser.js";
import { TEST_START_MS, useTestInstance } from "../../../../test/test-instance.js";
import { signUpThroughBrowser } from "../../../http/routes/frontend/frontend-flows.test-helpers.js";
import { TEST_CONSOLE_FACTS } from "../../console-test-facts.test-helpers.js";
import { OVERVIEW_DAYS } from "./overview-section.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PASSWORD = "overview-Passw0rd!";

/** The day-by-day numbers of one chart, read from its text alternative (the hidden table). */
function chartNumbers(html: string, id: string): number[] {
  const start = html.indexOf(`aria-labelledby="${id}-heading"`);
  expect(start, `chart ${id}`).toBeGreaterThan(-1);
  const section = html.slice(start, html.indexOf("</section>", start));
  return [...section.matchAll(/<th scope="row">\d{4}-\d\d-\d\d<\/th><td>(\d+)<\/td>/g)].map(
    (match) => Number(match[1]),
  );
}

/** `OVERVIEW_DAYS` zeros with the given counts at day indexes. */
const series = (counts: Record<number, number>) =>
  Array.from({ length: OVERVIEW_DAYS }, (_, index) => counts[index] ?? 0);

describe("console overview", () => {
  const instance = useTestInstance({
    console: { facts: TEST_CONSOLE_FACTS },
    settings: { maxVerificationAttempts: 3, lockoutSeconds: null },
  });

  const createUser = async (email: string) => {
    const answer = await instance.call("POST", "/v1/users", {
      body: { email_address: [email], password: PASSWORD },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.id as string;
  };
  const createSession = async (userId: string) =>
    (await instance.call("POST", "/v1/sessions", { body: { user_id: userId } })).body.id as string;
  const signIn = (email: string, password: string) =>
    instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: email, password },
    });

  it("charts sign-ups, live sessions, failed sign-ins and lockouts per day, as seeded", async () => {
    // Day 0 (2026-01-01): two sign-ups and a session.
    instance.clock.advance(HOUR);
    const ada = await createUser("ada@example.com");
    await createUser("bob@example.com");
    const first = await createSession(ada);
    // Day 2: a sign-up and a session; the first session is revoked; three wrong passwords lock
    // bob (the third failure locks); a wrong password for nobody is no user's failure.
    instance.clock.advance(2 * DAY);
    const cleo = await createUser("cleo@example.com");
    await createSession(cleo);
    await instance.call("POST", `/v1/sessions/${first}/revoke`);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await signIn("bob@example.com", "nope")).status);
    expect(statuses).toEqual([422, 422, 403]);
    expect((await signIn("nobody@example.com", "nope")).status).toBe(422);
    // A right password is no failure.
    expect((await signIn("ada@example.com", PASSWORD)).status).toBe(200);
    // Day 4: the page. The window ends today, so day 0 is index 25.
    instance.clock.advance(2 * DAY);
    const browser = consoleBrowser(instance);
    await browser.signIn();
    const page = await browser.get("/console");
    expect(page.status).toBe(200);
    expect(chartNumbers(page.html, "sign-ups")).toEqual(series({ 25: 2, 27: 1 }));
    // Ada's first session lives on days 0–2; Cleo's from day 2; Ada's sign-in from day 2.
    expect(chartNumbers(page.html, "live-sessions")).toEqual(
      series({ 25: 1, 26: 1, 27: 3, 28: 2, 29: 2 }),
    );
    expect(chartNumbers(page.html, "failed-sign-ins")).toEqual(series({ 27: 3 }));
    expect(chartNumbers(page.html, "lockouts")).toEqual(series({ 27: 1 }));
    const now = page.html.slice(page.html.indexOf('id="overview-now"'));
    expect(now).toMatch(/<dt>Users<\/dt><dd><a [^>]+>3<\/a><\/dd>/);
    expect(now).toMatch(/<dt>Active sessions<\/dt><dd>2<\/dd>/);
    expect(now).toMatch(/<dt>Users locked<\/dt><dd><a [^>]+>1<\/a><\/dd>/);
    // Each chart is an image with a name and a summary, and its days are listed as text.
    expect(page.html).toContain(
      'role="img" aria-labelledby="failed-sign-ins-title failed-sign-ins-desc"',
    );
    expect(page.html).toContain(
      `${new Date(TEST_START_MS + 2 * DAY).toISOString().slice(0, 10)}: 3`,
    );
    expect(page.html).toMatch(/<desc id="sign-ups-desc">3 in 30 days, at most 2 a day\.<\/desc>/);
  });

  it("ends an active session's life at its expiry", async () => {
    // Day 12: the sessions of day 2 expired on day 9 (7-day lifetime); day 0 is index 17.
    const activity = await instance.store.dailyActivity(TEST_START_MS + 12 * DAY + HOUR, 30);
    expect(activity.days[17]).toBe(TEST_START_MS);
    expect(activity.liveSessions).toEqual(
      series({ 17: 1, 18: 1, 19: 3, 20: 2, 21: 2, 22: 2, 23: 2, 24: 2, 25: 2, 26: 2 }),
    );
    expect(activity.activeSessionsNow).toBe(0);
    expect(activity.signUps).toEqual(series({ 17: 2, 19: 1 }));
  });

  it("keeps the counters per UTC day in one row each", async () => {
    const rows = await instance.db.query<{ day_start: number; failed_sign_ins: number }>(
      "SELECT day_start, failed_sign_ins, lockouts FROM sign_in_stats",
    );
    expect(rows).toEqual([{ day_start: TEST_START_MS + 2 * DAY, failed_sign_ins: 3, lockouts: 1 }]);
  });

  it("does not count a signed-in user's wrong current password as a failed sign-in", async () => {
    const stats = () => instance.db.query("SELECT * FROM sign_in_stats ORDER BY day_start");
    const before = await stats();
    const { browser, sessionId } = await signUpThroughBrowser(instance, "dora@example.com");
    const answer = await browser.call(
      "POST",
      `/v1/me/change_password?_clerk_session_id=${sessionId}`,
      {
        form: { current_password: "not-my-password", new_password: "another-Passw0rd-42" },
      },
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(answer.body.errors[0].code).toBe("form_password_incorrect");
    expect(await stats()).toEqual(before);
  });
});
