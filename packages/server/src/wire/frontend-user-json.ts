import type { UserRecord } from "../store/store.js";
import { type UserJsonContext, userJson } from "./user-json.js";

/** Extras of a user as the Frontend API shows it. */
export interface FrontendUserJsonExtras {
  /** The user's organization memberships as the Frontend API shows them (default none). */
  organizationMemberships?: unknown[];
}

/**
 * Serialises a user as the Frontend API's `User` (what the signed-in browser sees of itself):
 * the Backend API's user without `private_metadata`, which never reaches the browser.
 *
 * @example
 * frontendUserJson(user, { baseUrl, now, maxVerificationAttempts: 10 });
 */
export function frontendUserJson(
  user: UserRecord,
  context: UserJsonContext,
  extras: FrontendUserJsonExtras = {},
) {
  const { private_metadata: _private, ...visible } = userJson(user, context);
  return {
    ...visible,
    // The Frontend API spells "no limit" 0, not null.
    create_organizations_limit: visible.create_organizations_limit ?? 0,
    organization_memberships: extras.organizationMemberships ?? [],
  };
}

/** The Frontend API's JSON of a user, as {@link frontendUserJson} builds it. */
export type FrontendUserJson = ReturnType<typeof frontendUserJson>;

/**
 * `public_user_data` of a session or membership: name, image and the primary identifier.
 *
 * @example
 * publicUserDataJson(user, "http://localhost:4100");
 */
export function publicUserDataJson(user: UserRecord, baseUrl: string) {
  const json = userJson(user, { baseUrl, now: 0, maxVerificationAttempts: 0 });
  const primaryEmail = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId);
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: json.image_url,
    has_image: json.has_image,
    identifier: primaryEmail?.emailAddress ?? user.username ?? "",
    user_id: user.id,
    username: user.username,
  };
}
