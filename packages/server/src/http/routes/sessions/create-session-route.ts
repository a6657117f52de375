import { z } from "zod";
import { createSession } from "../../../flows/sessions/create-session.js";
import { sessionJson } from "../../../wire/session-json.js";
import { defineRoute } from "../../define-route.js";

/**
 * `POST /v1/sessions` (for testing): creates a client and an active session for `user_id`,
 * optionally with an active organization. Emits `session.created`.
 */
export const createSessionRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions",
  auth: "secret_key",
  body: z.strictObject({
    user_id: z.string().min(1),
    active_organization_id: z.string().min(1).nullish(),
  }),
  handler: async ({ body, store, clock, settings }) => {
    const now = clock.now();
    const session = (
      await createSession(store, {
        userId: body.user_id,
        activeOrganizationId: body.active_organization_id ?? null,
        expireAt: now + settings.sessionLifetimeSeconds * 1000,
        abandonAt: now + settings.sessionAbandonSeconds * 1000,
      })
    ).session;
    return sessionJson(session);
  },
});
