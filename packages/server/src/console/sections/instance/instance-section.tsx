/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import type { JwksJson } from "../../../wire/jwks-json.js";
import { recordConsoleChange } from "../../console-action.js";
import type { ConsoleEnv } from "../../console-env.js";
import { setFlash } from "../../console-flash.js";
import { consoleOrigin } from "../../console-guard.js";
import { formatTime, renderPage } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { InstancePage } from "./instance-page.js";

const INSTANCE_PATH = `${CONSOLE_PATH}/instance`;

/** The page, with the secret key in clear only when `revealed` (the answer to the reveal form). */
async function showInstance(c: Context<ConsoleEnv>, revealed: boolean): Promise<Response> {
  const setup = c.get("setup");
  const [timeline, jwks] = await Promise.all([
    setup.services.signingKeys.timeline(),
    c.get("api")<JwksJson>("GET", "/v1/jwks"),
  ]);
  return renderPage(c, {
    title: "Keys & instance",
    active: "instance",
    body: (
      <InstancePage
        timeline={timeline}
        jwks={jwks.ok ? jwks.data.keys : []}
        facts={setup.facts}
        env={{
          secretKey: setup.secretKey,
          publishableKey: setup.facts.publishableKey,
          apiUrl: setup.publicUrl ?? consoleOrigin(c),
        }}
        revealed={revealed}
        csrfToken={c.get("csrfToken")}
      />
    ),
  });
}

/**
 * The Keys & instance section: the JWKS and key schedule with "Rotate now" (the key ring's
 * rotation: published now, signing after the publish delay), the instance's settings, and the
 * environment lines of an app, whose secret key is shown only in the answer to a form post.
 */
export function mountInstanceSection(app: Hono<ConsoleEnv>): void {
  app.get("/instance", (c) => showInstance(c, false));

  app.post("/instance/rotate-key", async (c) => {
    const { signingKeys } = c.get("setup").services;
    const timeline = await signingKeys.timeline();
    const pending = timeline.keys.find((entry) => entry.key.activeAt > timeline.now);
    if (pending !== undefined) {
      setFlash(c, {
        kind: "error",
        text: `Key ${pending.key.kid} is not signing yet (from ${formatTime(pending.key.activeAt)}): rotate again after that.`,
      });
      return c.redirect(INSTANCE_PATH, 303);
    }
    const { kid, activeAt } = await signingKeys.rotate();
    await recordConsoleChange(c, "instance.signing_key_rotated", kid, { active_at: activeAt });
    setFlash(c, {
      kind: "success",
      text: `Key ${kid} is published now and signs from ${formatTime(activeAt)}.`,
    });
    return c.redirect(INSTANCE_PATH, 303);
  });

  app.post("/instance/secret-key", async (c) => {
    await recordConsoleChange(c, "instance.secret_key_revealed", null);
    return showInstance(c, true);
  });
}
