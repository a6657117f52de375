import { z } from "zod";
import { defineRoute } from "../../../define-route.js";
import { jsonResponse } from "../../../json-response.js";
import { resolveActiveOrganization } from "./resolve-active-organization.js";

/**
 * `POST /v1/client/sessions/{session_id}/tokens`: a fresh session token, `{ object: "token", jwt }`
 * (no `{ response, client }` envelope — what the Next.js middleware's renewal reads), also set as
 * `__session`. `azp` is the request's `Origin`. `organization_id` switches the active
 * organization first (empty = personal account; membership checked).
 *
 * Renewal stops at once when the client is gone (401 `signed_out`), the session is not the
 * client's (404), or it is no longer active or its user is banned or locked (401
 * `session_not_active`), all judged on the client as this request read it: one round trip.
 */
export const createSessionTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sessions/{session_id}/tokens",
  auth: "client",
  body: z.object({ organization_id: z.string().nullish() }),
  handler: async ({ body, params, auth, store, clock }) => {
    let session = auth.requireOwnActiveSession(params.session_id, clock.now());
    if (body.organization_id !== undefined && body.organization_id !== null) {
      const organizationId = await resolveActiveOrganization(
        store,
        session.userId,
        body.organization_id,
        "organization_id",
      );
      session = await store.setSessionActiveOrganization(session.id, organizationId);
    }
    const jwt = await auth.mintToken(session);
    auth.setSessionToken(session.id, jwt);
    return jsonResponse({ object: "token", jwt });
  },
});
