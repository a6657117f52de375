import { firstFactorsFor, secondFactorsFor } from "../../flows/sign-in/sign-in-factors.js";
import { signUpRequirements } from "../../flows/sign-up/sign-up-requirements.js";
import type { InstanceSettings } from "../../instance-settings.js";
import type { SignInRecord } from "../../store/frontend-store.js";
import type { ClientRecord, SessionRecord } from "../../store/session-store.js";
import type { Store, UserRecord } from "../../store/store.js";
import { frontendClientJson } from "../../wire/frontend-client-json.js";
import { frontendOrganizationMembershipJson } from "../../wire/frontend-organization-membership-json.js";
import { frontendSessionJson } from "../../wire/frontend-session-json.js";
import { frontendSignInJson } from "../../wire/frontend-sign-in-json.js";
import { frontendSignUpJson } from "../../wire/frontend-sign-up-json.js";
import { frontendUserJson } from "../../wire/frontend-user-json.js";

/** What the Frontend API's JSON builders read besides records. */
export interface FrontendJsonContext {
  store: Store;
  /** Base of profile image URLs (the route context's `imageBaseUrl`). */
  imageBaseUrl: string;
  now: number;
  settings: Pick<InstanceSettings, "maxVerificationAttempts">;
}

/**
 * Builds a sign-in's JSON with what it shows of its user: name and image once identified, the
 * first factors while they are needed, the second factors at the second step.
 *
 * @example
 * const json = await loadFrontendSignIn(context, signIn);
 */
export async function loadFrontendSignIn(context: FrontendJsonContext, signIn: SignInRecord) {
  const user = signIn.userId === null ? null : await context.store.getUser(signIn.userId);
  const firstFactors = user === null ? null : firstFactorsFor(user, signIn.identifier);
  const secondFactors =
    user === null || signIn.status !== "needs_second_factor"
      ? null
      : secondFactorsFor(user, await context.store.countBackupCodes(user.id));
  return frontendSignInJson(signIn, {
    user,
    firstFactors,
    secondFactors,
    baseUrl: context.imageBaseUrl,
  });
}

/** Memberships embedded in a user's JSON are read this many at a time. */
const MEMBERSHIP_PAGE = 100;

/**
 * Builds the Frontend API's JSON of a user, with `organization_memberships` holding every
 * membership (newest first).
 *
 * @example
 * const json = await loadFrontendUser(context, user);
 */
export async function loadFrontendUser(context: FrontendJsonContext, user: UserRecord) {
  const { store, imageBaseUrl: baseUrl, now } = context;
  const memberships = [];
  for (let offset = 0; ; offset += MEMBERSHIP_PAGE) {
    const page = await store.listUserOrganizationMemberships(user.id, {
      limit: MEMBERSHIP_PAGE,
      offset,
    });
    memberships.push(...page.data);
    if (page.data.length < MEMBERSHIP_PAGE || memberships.length >= page.totalCount) break;
  }
  return frontendUserJson(
    user,
    { baseUrl, now, maxVerificationAttempts: context.settings.maxVerificationAttempts },
    {
      organizationMemberships: memberships.map((m) =>
        frontendOrganizationMembershipJson(m, baseUrl),
      ),
    },
  );
}

/**
 * Builds a session's JSON with its user embedded (null when the user is gone).
 *
 * @example
 * const json = await loadFrontendSession(context, session, auth.mintedTokens.get(session.id));
 */
export async function loadFrontendSession(
  context: FrontendJsonContext,
  session: SessionRecord,
  lastActiveToken: string | null = null,
) {
  const { store, imageBaseUrl: baseUrl, now } = context;
  const user = await store.getUser(session.userId);
  if (user === null) return null;
  const userJson = await loadFrontendUser(context, user);
  return frontendSessionJson(session, { user, userJson, baseUrl, now, lastActiveToken });
}

/**
 * Builds the Frontend API's JSON of a client: its active sessions with their users, its current
 * sign-in and sign-up (when still in progress), `last_active_session_id` among active sessions.
 * `mintedTokens` become the sessions' `last_active_token`.
 *
 * @example
 * const json = await loadFrontendClient(context, client, auth.mintedTokens);
 */
export async function loadFrontendClient(
  context: FrontendJsonContext,
  client: ClientRecord,
  mintedTokens: ReadonlyMap<string, string> = new Map(),
) {
  const { store } = context;
  const active = client.sessions.filter((session) => session.status === "active");
  const sessions = [];
  for (const session of active) {
    const json = await loadFrontendSession(context, session, mintedTokens.get(session.id) ?? null);
    if (json !== null) sessions.push(json);
  }
  const signIn = client.signInId === null ? null : await store.getSignIn(client.signInId);
  const signUp = client.signUpId === null ? null : await store.getSignUp(client.signUpId);
  const lastActive = active.some((s) => s.id === client.lastActiveSessionId)
    ? client.lastActiveSessionId
    : null;
  // A finished attempt is shown only when it went through a provider: the app's OAuth callback
  // page reads its outcome (status and session) from the client, as clerk-js does.
  const shown = (attempt: { status: string } | null, viaProvider: boolean) =>
    attempt !== null &&
    attempt.status !== "abandoned" &&
    (attempt.status !== "complete" || viaProvider);
  return frontendClientJson(client, {
    sessions,
    signIn:
      signIn !== null &&
      shown(signIn, signIn.firstFactorVerification?.strategy.startsWith("oauth_") === true)
        ? await loadFrontendSignIn(context, signIn)
        : null,
    signUp:
      signUp !== null && shown(signUp, signUp.externalAccountVerification !== null)
        ? frontendSignUpJson(signUp, signUpRequirements(signUp))
        : null,
    lastActiveSessionId: lastActive,
  });
}
