import { isApiError } from "../../../errors/api-error.js";
import { activeOrganizationOf } from "../../../flows/sessions/active-organization-of.js";
import type { Store } from "../../../store/store.js";
import { renderTemplateClaims } from "../../../tokens/render-template-claims.js";
import { assertNoReservedClaims } from "../../../tokens/reserved-claims.js";
import { templateShortcodeData } from "../../../tokens/template-shortcode-data.js";
import { profileImageUrl } from "../../../wire/user-json.js";
import type { ConsoleApi } from "../../console-api.js";
import { parseJsonObject } from "../../console-form.js";
import { formatTime } from "../../console-page.js";

/** What the preview was asked: the claims as typed, the user (id or email), the session. */
export interface TemplatePreviewRequest {
  claims: string;
  /** A user id, or a primary or other email address of the user. */
  user: string;
  /** A session id of that user; "" for their newest active session. */
  sessionId: string;
}

/** A session the preview may be rendered for, as the session picker lists it. */
export interface PreviewSessionChoice {
  id: string;
  label: string;
}

/**
 * The preview: the claims the template renders for the user and session (never a token: nothing
 * is signed), or why it cannot; with the user's active sessions to choose from.
 */
export type TemplatePreview = {
  userId: string | null;
  sessionId: string | null;
  sessions: PreviewSessionChoice[];
} & ({ ok: true; claims: Record<string, unknown> } | { ok: false; error: string });

interface SessionListItem {
  id: string;
  user_id: string;
  last_active_at: number;
}

async function findUserId(api: ConsoleApi, user: string): Promise<string | null> {
  if (!user.includes("@")) return user;
  const found = await api<{ id: string }[]>(
    "GET",
    `/v1/users?email_address=${encodeURIComponent(user)}&limit=1`,
  );
  return found.ok ? (found.data[0]?.id ?? null) : null;
}

/**
 * Renders a template's claims, as typed and not yet saved, for a user and one of their active
 * sessions, with the code that mints template tokens (`templateShortcodeData`, the session's
 * active organization, `renderTemplateClaims`). A session of another user, or one that is not
 * active, is refused.
 *
 * @example
 * const preview = await renderTemplatePreview(store, api, baseUrl, { claims: '{"email":"{{user.primary_email_address}}"}', user: "ada@example.com", sessionId: "" });
 */
export async function renderTemplatePreview(
  store: Store,
  api: ConsoleApi,
  baseUrl: string,
  request: TemplatePreviewRequest,
): Promise<TemplatePreview> {
  const none = { userId: null, sessionId: null, sessions: [] };
  const wanted = request.user.trim();
  if (wanted === "") return { ...none, ok: false, error: "Choose a user: a user id or an email." };
  const userId = await findUserId(api, wanted);
  const user = userId === null ? null : await store.getUser(userId);
  if (user === null) return { ...none, ok: false, error: `No user ${wanted}.` };
  const listed = await api<SessionListItem[]>(
    "GET",
    `/v1/sessions?user_id=${encodeURIComponent(user.id)}&status=active&limit=100`,
  );
  const active = listed.ok ? listed.data : [];
  const sessions = active.map((session) => ({
    id: session.id,
    label: `${session.id} (last active ${formatTime(session.last_active_at)})`,
  }));
  const chosen = request.sessionId.trim() || active[0]?.id || null;
  const refuse = (error: string): TemplatePreview => ({
    userId: user.id,
    sessionId: chosen,
    sessions,
    ok: false,
    error,
  });
  if (chosen === null) return refuse("This user has no active session.");
  const session = await store.getSession(chosen);
  if (session === null) return refuse(`No session ${chosen}.`);
  if (session.userId !== user.id) return refuse("That session belongs to another user.");
  if (session.status !== "active") return refuse(`That session is ${session.status}.`);
  const claims = parseJsonObject(request.claims, "claims");
  if (!claims.ok) return refuse(claims.error);
  try {
    assertNoReservedClaims(claims.value);
  } catch (error) {
    if (isApiError(error)) return refuse(error.longMessage);
    throw error;
  }
  const data = templateShortcodeData({
    user,
    session,
    organization: await activeOrganizationOf(store, session),
    userImageUrl: profileImageUrl(baseUrl, user.imageId),
  });
  return {
    userId: user.id,
    sessionId: session.id,
    sessions,
    ok: true,
    claims: renderTemplateClaims(claims.value, data),
  };
}
