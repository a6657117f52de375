import { ApiError } from "../../../../errors/api-error.js";
import { checkUserMaySignIn } from "../../../../flows/sign-in/check-user-may-sign-in.js";
import { findSignInUser } from "../../../../flows/sign-in/find-sign-in-user.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import { checkNoActiveSession } from "../../../frontend-api/check-no-active-session.js";
import type { FrontendApiConfig } from "../../../frontend-api/frontend-api-config.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";

/**
 * The user a new sign-in is for, by its identifier (none yet: null), checked in the order the
 * sign-in answers: no active session on the client (single-session mode), an account for the
 * identifier, one that may sign in, and not one already signed in on this client.
 *
 * @throws `session_exists`, `identifier_already_signed_in`, `form_identifier_not_found`,
 *   `user_locked`, `user_banned`
 * @example
 * const user = await requireSignInUser(context, body.identifier?.trim() || null);
 */
export async function requireSignInUser(
  context: { store: Store; auth: FrontendRequest; frontend: FrontendApiConfig; now: number },
  identifier: string | null,
): Promise<UserRecord | null> {
  const { store, auth, frontend, now } = context;
  checkNoActiveSession(auth.client, { singleSessionMode: frontend.singleSessionMode });
  const user = identifier === null ? null : await findSignInUser(store, identifier);
  if (identifier !== null && user === null) {
    throw new ApiError("form_identifier_not_found", { paramName: "identifier" });
  }
  if (user !== null) {
    checkUserMaySignIn(user, now);
    checkNoActiveSession(auth.client, { singleSessionMode: false, userId: user.id });
  }
  return user;
}
