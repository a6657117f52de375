/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { createHash } from "node:crypto";
import { serialize } from "cookie";
import type { Context, Hono } from "hono";
import { isSecretKey, SECRET_KEY_PATTERN } from "../http/secret-key-auth.js";
import { recordConsoleChange } from "./console-action.js";
import type { ConsoleEnv } from "./console-env.js";
import { consoleSessionToken, requireConsoleSession } from "./console-guard.js";
import { renderPage } from "./console-page.js";
import { isConsolePassword } from "./console-password.js";
import {
  CONSOLE_COOKIE,
  consoleTokenHash,
  newConsoleSessionToken,
} from "./console-session-token.js";
import { CONSOLE_PATH } from "./console-setup.js";

/** Failed console sign-ins allowed per address in a 15-minute window. */
const FAILED_SIGN_INS_PER_WINDOW = 10;
const WINDOW_MS = 15 * 60_000;

function SignInForm(props: { error: string | null; name: string }) {
  return (
    <section class="sign-in">
      <h1>Sign in to the console</h1>
      <p>
        Use the instance's secret key (<code>CLERK_SECRET_KEY</code>) or the console password set
        with <code>latchkey console set-password</code>.
      </p>
      {props.error !== null ? (
        <p class="flash error" role="alert" id="sign-in-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`${CONSOLE_PATH}/sign-in`} class="stack">
        <label for="name">Your name (for the audit log, optional)</label>
        <input
          id="name"
          name="name"
          type="text"
          maxlength={80}
          value={props.name}
          autocomplete="name"
        />
        <label for="credential">Secret key or console password</label>
        <input
          id="credential"
          name="credential"
          type="password"
          required
          autocomplete="current-password"
          aria-describedby={props.error !== null ? "sign-in-error" : undefined}
        />
        <button type="submit" class="button primary">
          Sign in
        </button>
      </form>
    </section>
  );
}

const cookieOptions = (c: Context<ConsoleEnv>, maxAge: number) => ({
  httpOnly: true,
  sameSite: "strict" as const,
  path: CONSOLE_PATH,
  secure: new URL(c.req.url).protocol === "https:",
  maxAge,
});

/** Counts a failed sign-in for the address; false once the address has used up its window. */
async function countFailure(c: Context<ConsoleEnv>): Promise<boolean> {
  const { store, clock } = c.get("setup").services;
  const now = clock.now();
  const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
  const count = await store.incrementRateLimitBucket({
    rule: "console_sign_in",
    keyHash: createHash("sha256")
      .update(c.get("address") ?? "unknown")
      .digest("hex"),
    windowStart,
    expiresAt: windowStart + WINDOW_MS,
    limit: FAILED_SIGN_INS_PER_WINDOW,
  });
  return count !== null;
}

/**
 * The console's sign-in and sign-out: the secret key or the console password starts a session
 * (a random token in an HttpOnly, SameSite=Strict cookie; only its hash is stored); failures are
 * logged in the audit log and limited per address.
 */
export function mountConsoleSignIn(app: Hono<ConsoleEnv>): void {
  app.get("/sign-in", (c) =>
    renderPage(c, { title: "Sign in", active: null, body: <SignInForm error={null} name="" /> }),
  );

  app.post("/sign-in", async (c) => {
    const setup = c.get("setup");
    const form = await c.req.parseBody();
    const credential = typeof form.credential === "string" ? form.credential : "";
    const name = (typeof form.name === "string" ? form.name : "").trim().slice(0, 80);
    const method = SECRET_KEY_PATTERN.test(credential)
      ? isSecretKey(credential, setup.secretKey)
        ? "secret_key"
        : null
      : credential !== "" && (await isConsolePassword(setup.services.store, credential))
        ? "password"
        : null;
    if (method === null) {
      const allowed = await countFailure(c);
      await setup.services.store.recordConsoleAudit({
        actor: name === "" ? "unknown" : name,
        action: "console.sign_in_failed",
        targetId: null,
        detail: {},
        address: c.get("address"),
      });
      const error = allowed
        ? "That is neither the secret key nor the console password."
        : "Too many failed sign-ins from this address: wait 15 minutes.";
      return renderPage(c, {
        title: "Sign in",
        active: null,
        status: allowed ? 401 : 429,
        body: <SignInForm error={error} name={name} />,
      });
    }
    const token = newConsoleSessionToken();
    const actor = `${name === "" ? "Admin" : name} (${method === "password" ? "console password" : "secret key"})`;
    const now = setup.services.clock.now();
    await setup.services.store.createConsoleSession({
      tokenHash: consoleTokenHash(token),
      actor,
      method,
      createdAt: now,
    });
    c.set("session", {
      tokenHash: consoleTokenHash(token),
      actor,
      method,
      createdAt: now,
      lastSeenAt: now,
    });
    await recordConsoleChange(c, "console.sign_in", null, { method });
    c.header("set-cookie", serialize(CONSOLE_COOKIE, token, cookieOptions(c, 8 * 3600)));
    return c.redirect(CONSOLE_PATH, 303);
  });

  app.post("/sign-out", requireConsoleSession, async (c) => {
    const token = consoleSessionToken(c);
    if (token !== undefined) {
      await c.get("setup").services.store.deleteConsoleSession(consoleTokenHash(token));
    }
    await recordConsoleChange(c, "console.sign_out", null);
    c.header("set-cookie", serialize(CONSOLE_COOKIE, "", cookieOptions(c, 0)));
    return c.redirect(`${CONSOLE_PATH}/sign-in`, 303);
  });
}
