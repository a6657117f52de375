import { ApiError } from "../../../errors/api-error.js";
import { defineFrontendRoute } from "../../../frontend-api/define-frontend-route.js";
import { jsonResponse } from "../../../http/json-response.js";
import { mintTemplateToken } from "../../../jwt-templates/mint-template-token.js";
import { templateShortcodeData } from "../../../jwt-templates/template-shortcode-data.js";
import { profileImageUrl } from "../../../resources/user-json.js";
import { activeOrganizationOf } from "../../../sessions/active-organization-of.js";
import { requireActiveSession } from "../../../sessions/require-active-session.js";
import { tokenRequestContext } from "../../../tokens/token-request-context.js";

/**
 * `POST /v1/client/sessions/{session_id}/tokens/{template_name}`: a token from a JWT template for
 * an active session of the requesting client, `{ object: "token", jwt }`. Does not touch
 * `__session`.
 *
 * @throws `signed_out` (401), `resource_not_found` (404), `session_not_active` (401)
 */
export const createSessionTemplateTokenRoute = defineFrontendRoute({
  method: "POST",
  path: "/v1/client/sessions/{session_id}/tokens/{template_name}",
  handler: async ({ params, auth, request, store, clock, settings, baseUrl, signingKeys }) => {
    auth.requireOwnSession(params.session_id);
    const now = clock.now();
    const { session, user } = await requireActiveSession(store, params.session_id, now);
    const template = await store.getJwtTemplateByName(params.template_name);
    if (template === null) {
      throw new ApiError("resource_not_found", { paramName: "template_name" });
    }
    const { issuer, authorizedParty } = tokenRequestContext(settings, baseUrl, request);
    const jwt = await mintTemplateToken(signingKeys, {
      template,
      customSigningKey: template.customSigningKey
        ? await store.getJwtTemplateSigningKey(template.id)
        : null,
      data: templateShortcodeData({
        user,
        session,
        organization: await activeOrganizationOf(store, session),
        userImageUrl: profileImageUrl(baseUrl, user.imageId),
      }),
      issuer,
      subject: user.id,
      authorizedParty,
      now,
    });
    return jsonResponse({ object: "token", jwt });
  },
});
