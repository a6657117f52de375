import { defineRoute } from "../../http/define-route.js";
import { activeOrganizationOf } from "../../sessions/active-organization-of.js";
import { requireActiveSession } from "../../sessions/require-active-session.js";
import { mintSessionToken } from "../../tokens/mint-session-token.js";
import { tokenRequestContext } from "../../tokens/token-request-context.js";
import { tokenRequestBody } from "./token-request-body.js";

/**
 * `POST /v1/sessions/{session_id}/tokens`: a session token (`{ object: "token", jwt }`) for an
 * active session, `expires_in_seconds` overriding the default lifetime.
 */
export const createSessionTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/tokens",
  auth: "secret_key",
  body: tokenRequestBody,
  handler: async ({ params, body, request, store, clock, settings, baseUrl, signingKeys }) => {
    const now = clock.now();
    const { session } = await requireActiveSession(store, params.session_id, now);
    const organization = await activeOrganizationOf(store, session);
    const { issuer, authorizedParty } = tokenRequestContext(settings, baseUrl, request);
    const jwt = await mintSessionToken(signingKeys, {
      session,
      issuer,
      authorizedParty,
      now,
      lifetimeSeconds: body.expires_in_seconds ?? settings.sessionTokenLifetimeSeconds,
      organization,
    });
    return { object: "token", jwt };
  },
});
