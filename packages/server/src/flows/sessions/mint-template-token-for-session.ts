import { ApiError } from "../../errors/api-error.js";
import { mintTemplateToken } from "../../tokens/mint-template-token.js";
import { templateShortcodeData } from "../../tokens/template-shortcode-data.js";
import { tokenRequestContext } from "../../tokens/token-request-context.js";
import { profileImageUrl } from "../../wire/user-json.js";
import { activeOrganizationOf } from "./active-organization-of.js";
import type { TokenRequestServices } from "./mint-session-token-for-request.js";
import { requireActiveSession } from "./require-active-session.js";

/** Input of {@link mintTemplateTokenForSession}. */
export interface TemplateTokenRequest {
  sessionId: string;
  templateName: string;
  /** Epoch milliseconds. */
  now: number;
  /** Overrides the template's lifetime when set. */
  lifetimeSeconds?: number | null;
}

/**
 * Mints a token from the named JWT template for an active session: the template's claims rendered
 * with the session's user, session and active organization, `iss` from the instance's Frontend API
 * URL, `azp` from the request's `Origin`, signed with the instance's key or the template's own.
 *
 * @throws `resource_not_found` (`session_id` or `template_name`); `session_not_active` when the
 *   session is not active or its user is banned or locked; `form_param_format_invalid`
 *   (`signing_key`) when the template's stored key is unusable
 * @example
 * const jwt = await mintTemplateTokenForSession(context, {
 *   sessionId: params.session_id, templateName: params.template_name, now: clock.now(),
 * });
 */
export async function mintTemplateTokenForSession(
  services: TokenRequestServices,
  input: TemplateTokenRequest,
): Promise<string> {
  const { store, settings, signingKeys, baseUrl, request } = services;
  const { session, user } = await requireActiveSession(store, input.sessionId, input.now);
  const template = await store.getJwtTemplateByName(input.templateName);
  if (template === null) {
    throw new ApiError("resource_not_found", { paramName: "template_name" });
  }
  const organization = await activeOrganizationOf(store, session);
  const { issuer, authorizedParty } = tokenRequestContext(settings, baseUrl, request);
  return mintTemplateToken(signingKeys, {
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
    now: input.now,
    ...(input.lifetimeSeconds == null ? {} : { lifetimeSeconds: input.lifetimeSeconds }),
  });
}
