import type { Clock } from "../../../clock.js";
import type { TokenRequestServices } from "../../../flows/sessions/mint-session-token-for-request.js";
import { mintTemplateTokenForSession } from "../../../flows/sessions/mint-template-token-for-session.js";

/**
 * A token from a session's JWT template, answered as both APIs answer tokens:
 * `{ object: "token", jwt }` (Backend API `…/tokens/{template_name}`, and the Frontend API's).
 *
 * @throws `resource_not_found` (`session_id`, `template_name`), `session_not_active`
 * @example
 * return templateTokenAnswer(context, { session_id, template_name }, body.expires_in_seconds);
 */
export async function templateTokenAnswer(
  context: TokenRequestServices & { clock: Clock },
  params: { session_id: string; template_name: string },
  lifetimeSeconds?: number | null,
): Promise<{ object: "token"; jwt: string }> {
  const jwt = await mintTemplateTokenForSession(context, {
    sessionId: params.session_id,
    templateName: params.template_name,
    now: context.clock.now(),
    lifetimeSeconds: lifetimeSeconds ?? null,
  });
  return { object: "token", jwt };
}
