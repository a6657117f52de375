import { ApiError } from "../../errors/api-error.js";
import { defineRoute } from "../../http/define-route.js";
import { mintTemplateToken } from "../../jwt-templates/mint-template-token.js";
import { templateShortcodeData } from "../../jwt-templates/template-shortcode-data.js";
import { profileImageUrl } from "../../resources/user-json.js";
import { activeOrganizationOf } from "../../sessions/active-organization-of.js";
import { requireActiveSession } from "../../sessions/require-active-session.js";
import { tokenRequestContext } from "../../tokens/token-request-context.js";
import { tokenRequestBody } from "./token-request-body.js";

/**
 * `POST /v1/sessions/{session_id}/tokens/{template_name}`: a token from the named JWT template for
 * an active session (`{ object: "token", jwt }`).
 */
export const createSessionTemplateTokenRoute = defineRoute({
  method: "POST",
  path: "/v1/sessions/{session_id}/tokens/{template_name}",
  auth: "secret_key",
  body: tokenRequestBody,
  handler: async ({ params, body, request, store, clock, settings, baseUrl, signingKeys }) => {
    const now = clock.now();
    const { session, user } = await requireActiveSession(store, params.session_id, now);
    const template = await store.getJwtTemplateByName(params.template_name);
    if (template === null) {
      throw new ApiError("resource_not_found", { paramName: "template_name" });
    }
    const organization = await activeOrganizationOf(store, session);
    const { issuer, authorizedParty } = tokenRequestContext(settings, baseUrl, request);
    const jwt = await mintTemplateToken(signingKeys, {
      template,
      customSigningKey: template.customSigningKey
        ? await store.getJwtTemplateSigningKey(template.id)
        : null,
      data: templateShortcodeData({
        user,
        session,
        organization,
        userImageUrl: profileImageUrl(baseUrl, user.imageId),
      }),
      issuer,
      subject: user.id,
      authorizedParty,
      now,
      ...(body.expires_in_seconds == null ? {} : { lifetimeSeconds: body.expires_in_seconds }),
    });
    return { object: "token", jwt };
  },
});
