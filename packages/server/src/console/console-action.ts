import type { Context } from "hono";
import type { ConsoleApi, ConsoleApiResult } from "./console-api.js";
import { describeApiErrors } from "./console-api.js";
import type { ConsoleEnv } from "./console-env.js";
import { setFlash } from "./console-flash.js";

/** A change made through the console: what the audit log records and what the user is told. */
export interface ConsoleChange<T> {
  /** Audit action, e.g. `user.ban`. */
  action: string;
  targetId: string | null;
  /** What the change was, for the audit log (never a secret). */
  detail?: Record<string, unknown>;
  /** Makes the change: one or more Backend API calls; the last result decides. */
  call(api: ConsoleApi): Promise<ConsoleApiResult<T>>;
  /** Shown after success. */
  success: string;
  /** Where the browser goes after success (default: back where the form was). */
  redirectTo: string | ((data: T) => string);
  /** Where it goes after a refusal (default: `redirectTo`, or back). */
  errorRedirectTo?: string;
}

/** Adds a line to the audit log for the signed-in actor. */
export async function recordConsoleChange(
  c: Context<ConsoleEnv>,
  action: string,
  targetId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await c.get("setup").services.store.recordConsoleAudit({
    actor: c.get("session").actor,
    action,
    targetId,
    detail,
    address: c.get("address"),
  });
}

/**
 * Runs a console change through the Backend API (so the API's validation, flows and webhooks
 * apply), records it in the audit log when it succeeded, and redirects with a one-time message:
 * the API's own error text when it was refused (nothing is recorded then).
 *
 * @example
 * return runConsoleChange(c, { action: "user.ban", targetId: id, call: (api) => api("POST", `/v1/users/${id}/ban`), success: "Banned.", redirectTo: back });
 */
export async function runConsoleChange<T>(
  c: Context<ConsoleEnv>,
  change: ConsoleChange<T>,
): Promise<Response> {
  const result = await change.call(c.get("api"));
  if (!result.ok) {
    setFlash(c, { kind: "error", text: describeApiErrors(result.errors) });
    const back =
      change.errorRedirectTo ??
      (typeof change.redirectTo === "string" ? change.redirectTo : c.req.path);
    return c.redirect(back, 303);
  }
  await recordConsoleChange(c, change.action, change.targetId, change.detail);
  setFlash(c, { kind: "success", text: change.success });
  const to =
    typeof change.redirectTo === "string" ? change.redirectTo : change.redirectTo(result.data);
  return c.redirect(to, 303);
}
