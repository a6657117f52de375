import { expect } from "vitest";
import type { ConsoleAnswer, ConsoleBrowser } from "../../test/console-browser.js";
import type { TestInstance } from "../../test/test-instance.js";

/** How many outbox events of a type name an object id (`data.id`, or another data field). */
export async function outboxCount(
  instance: TestInstance,
  type: string,
  id: string,
  field = "id",
): Promise<number> {
  const rows = await instance.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM webhook_outbox WHERE event_type = $1 AND payload->'data'->>$3 = $2",
    [type, id, field],
  );
  return rows[0]?.n ?? 0;
}

/** All outbox events, counted (to show that a refused change raised none). */
export async function outboxTotal(instance: TestInstance): Promise<number> {
  const rows = await instance.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM webhook_outbox",
  );
  return rows[0]?.n ?? 0;
}

/** The newest audit log line. */
export async function lastAudit(instance: TestInstance) {
  return (await instance.store.listConsoleAudit({ limit: 1, offset: 0 })).entries[0];
}

/** Text as the console's pages escape it. */
export function asHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * What the Backend API answers to a refused call, as the console shows it: its errors' long
 * messages, HTML-escaped. Asserts that the API did refuse.
 */
export async function apiRefusal(
  instance: TestInstance,
  method: string,
  path: string,
  body?: unknown,
): Promise<string> {
  const answer = await instance.call(method, path, body === undefined ? {} : { body });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  const errors = answer.body.errors as { message: string; long_message?: string }[];
  return asHtml(errors.map((error) => error.long_message ?? error.message).join(" "));
}

/** Posts a console form and loads the page it redirects to (where its message is shown). */
export async function postAndFollow(
  browser: ConsoleBrowser,
  path: string,
  form: Record<string, string> = {},
): Promise<{ post: ConsoleAnswer; page: ConsoleAnswer }> {
  const post = await browser.post(path, form);
  expect(post.status).toBe(303);
  const page = await browser.get(post.location ?? "/console");
  return { post, page };
}
