import { ApiError } from "../../../../errors/api-error.js";
import type { SignInRecord, SignInStatus } from "../../../../store/frontend-store.js";
import type { Store, UserRecord } from "../../../../store/store.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";

/**
 * Loads a sign-in of the requesting client; another client's sign-in is as good as missing.
 *
 * @throws `signed_out` without a client; `resource_not_found` (`sign_in_id`)
 * @example
 * const signIn = await requireOwnSignIn(store, auth, params.sign_in_id);
 */
export async function requireOwnSignIn(
  store: Store,
  auth: FrontendRequest,
  signInId: string,
): Promise<SignInRecord> {
  const client = auth.requireClient();
  const signIn = await store.getSignIn(signInId);
  if (signIn === null || signIn.clientId !== client.id) {
    throw new ApiError("resource_not_found", { paramName: "sign_in_id" });
  }
  return signIn;
}

/**
 * The sign-in's user, when the sign-in is at the expected step.
 *
 * @throws `sign_in_status_invalid` at another step; `resource_not_found` when the user is gone
 */
export async function requireSignInStep(
  store: Store,
  signIn: SignInRecord,
  status: SignInStatus,
): Promise<UserRecord> {
  if (signIn.status !== status || signIn.userId === null) {
    throw new ApiError("sign_in_status_invalid", { meta: { status: signIn.status } });
  }
  const user = await store.getUser(signIn.userId);
  if (user === null) throw new ApiError("resource_not_found", { paramName: "sign_in_id" });
  return user;
}

/**
 * A sign-in of the requesting client at the expected step, with its user: what the factor routes
 * start from (their rate limits count under the user).
 *
 * @throws `signed_out` without a client; `resource_not_found` (`sign_in_id`);
 *   `sign_in_status_invalid` at another step
 * @example
 * const { signIn, user } = await requireOwnSignInAt(store, auth, id, "needs_first_factor");
 */
export async function requireOwnSignInAt(
  store: Store,
  auth: FrontendRequest,
  signInId: string,
  status: SignInStatus,
): Promise<{ signIn: SignInRecord; user: UserRecord }> {
  const signIn = await requireOwnSignIn(store, auth, signInId);
  return { signIn, user: await requireSignInStep(store, signIn, status) };
}
