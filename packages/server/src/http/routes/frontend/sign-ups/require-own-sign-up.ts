import { ApiError } from "../../../../errors/api-error.js";
import type { SignUpRecord } from "../../../../store/frontend-store.js";
import type { Store } from "../../../../store/store.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";

/**
 * Loads a sign-up of the requesting client; another client's sign-up is as good as missing.
 *
 * @throws `signed_out` without a client; `resource_not_found` (`sign_up_id`)
 * @example
 * const signUp = await requireOwnSignUp(store, auth, params.sign_up_id);
 */
export async function requireOwnSignUp(
  store: Store,
  auth: FrontendRequest,
  signUpId: string,
): Promise<SignUpRecord> {
  const client = auth.requireClient();
  const signUp = await store.getSignUp(signUpId);
  if (signUp === null || signUp.clientId !== client.id) {
    throw new ApiError("resource_not_found", { paramName: "sign_up_id" });
  }
  return signUp;
}

/**
 * Refuses changes to a sign-up that is complete or abandoned.
 *
 * @throws `sign_up_status_invalid`
 */
export function requireOpenSignUp(signUp: SignUpRecord): void {
  if (signUp.status !== "missing_requirements") {
    throw new ApiError("sign_up_status_invalid", { meta: { status: signUp.status } });
  }
}

/**
 * A sign-up of the requesting client that is still open: what the routes that change it start
 * from.
 *
 * @throws `signed_out` without a client; `resource_not_found` (`sign_up_id`);
 *   `sign_up_status_invalid`
 * @example
 * const signUp = await requireOpenOwnSignUp(store, auth, params.sign_up_id);
 */
export async function requireOpenOwnSignUp(
  store: Store,
  auth: FrontendRequest,
  signUpId: string,
): Promise<SignUpRecord> {
  const signUp = await requireOwnSignUp(store, auth, signUpId);
  requireOpenSignUp(signUp);
  return signUp;
}
