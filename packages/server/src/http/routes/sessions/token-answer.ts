import type { Clock } from "../../../clock.js";
import {
  mintSessionTokenForRequest,
  type TokenRequestServices,
} from "../../../flows/sessions/mint-session-token-for-request.js";
import { mintTemplateTokenForSession } from "../../../flows/sessions/mint-template-token-for-session.js";
import { requireActiveSession } from "../../../flows/sessions/require-active-session.js";

/** What the token routes answer: `{ object: "token", jwt }`. */
export interface TokenAnswer {
  object: "token";
  jwt: string;
}

/**
 * A session token for an active session (Backend API `POST /v1/sessions/{session_id}/tokens`),
 * `lifetimeSeconds` overriding the instance's default.
 *
 * @throws `resource_not_found` (`session_id`), `session_not_active`
 * @example
 * return sessionTokenAnswer(context, params.session_id, body.expires_in_seconds);
 */
export async function sessionTokenAnswer(
  context: TokenRequestServices & { clock: Clock },
  sessionId: string,
  lifetimeSeconds?: number | null,
): Promise<TokenAnswer> {
  const now = context.clock.now();
  const { session } = await requireActiveSession(context.store, sessionId, now);
  const jwt = await mintSessionTokenForRequest(context, session, {
    now,
    lifetimeSeconds: lifetimeSeconds ?? context.settings.sessionTokenLifetimeSeconds,
  });
  return { object: "token", jwt };
}

/**
 * A token from a session's JWT template (Backend API `…/tokens/{template_name}`, and the Frontend
 * API's), `lifetimeSeconds` overriding the template's.
 *
 * @throws `resource_not_found` (`session_id`, `template_name`), `session_not_active`
 * @example
 * return templateTokenAnswer(context, { session_id, template_name }, body.expires_in_seconds);
 */
export async function templateTokenAnswer(
  context: TokenRequestServices & { clock: Clock },
  params: { session_id: string; template_name: string },
  lifetimeSeconds?: number | null,
): Promise<TokenAnswer> {
  const jwt = await mintTemplateTokenForSession(context, {
    sessionId: params.session_id,
    templateName: params.template_name,
    now: context.clock.now(),
    lifetimeSeconds: lifetimeSeconds ?? null,
  });
  return { object: "token", jwt };
}
