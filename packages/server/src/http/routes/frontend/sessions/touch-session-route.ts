import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendSession } from "../../../frontend-api/load-frontend-client.js";
import { resolveActiveOrganization } from "./resolve-active-organization.js";

/**
 * `POST /v1/client/sessions/{session_id}/touch`: marks the session active on this client and, with
 * `active_organization_id` (id or slug; empty = personal account), switches its active
 * organization — only to one the user is a member of. The answer carries a fresh `__session`.
 *
 * @throws `resource_not_found`, `session_not_active`
 */
export const touchSessionRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sessions/{session_id}/touch",
  auth: "client",
  body: z.object({
    active_organization_id: z.string().nullish(),
    intent: z.string().nullish(),
  }),
  handler: async ({ body, params, auth, store, imageBaseUrl, clock, settings }) => {
    const own = auth.requireOwnSession(params.session_id);
    if (own.status !== "active") {
      throw new ApiError("session_not_active", { meta: { session_status: own.status } });
    }
    if (body.active_organization_id !== undefined && body.active_organization_id !== null) {
      const organizationId = await resolveActiveOrganization(
        store,
        own.userId,
        body.active_organization_id,
        "active_organization_id",
      );
      await store.setSessionActiveOrganization(own.id, organizationId);
    }
    const session = await store.touchSession(own.id);
    const jwt = await auth.mintToken(session);
    auth.setSessionToken(session.id, jwt);
    return loadFrontendSession({ store, imageBaseUrl, now: clock.now(), settings }, session, jwt);
  },
});
