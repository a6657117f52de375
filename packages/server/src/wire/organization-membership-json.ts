import type { OrganizationMembershipRecord } from "../store/organization-store.js";
import type { UserRecord } from "../store/store.js";
import { FULL_ORGANIZATION_JSON, organizationJson } from "./organization-json.js";
import { profileImageUrl } from "./user-json.js";

/** URL of a user's profile image (the placeholder avatar when the user has none). */
export function userImageUrl(user: UserRecord, baseUrl: string): string {
  return profileImageUrl(baseUrl, user.imageId);
}

/** How a user is shown to others: primary email, else primary phone, else username. */
export function userIdentifier(user: UserRecord): string | null {
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId);
  if (email !== undefined) return email.emailAddress;
  const phone = user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId);
  if (phone !== undefined) return phone.phoneNumber;
  return user.username;
}

/**
 * The `public_user_data` of a membership: what other members may see of a user.
 *
 * @example
 * publicUserDataJson(user, "https://auth.example.com").identifier; // "ada@example.com"
 */
export function publicUserDataJson(user: UserRecord, baseUrl: string): Record<string, unknown> {
  const imageUrl = userImageUrl(user, baseUrl);
  return {
    user_id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    profile_image_url: imageUrl,
    image_url: imageUrl,
    has_image: user.imageId !== null,
    identifier: userIdentifier(user),
    username: user.username,
    banned: user.banned,
  };
}

/**
 * Clerk's `organization_membership` object, with the organization (counts included) and the
 * member's public data.
 *
 * @example
 * organizationMembershipJson(membership, baseUrl).permissions; // ["org:sys_memberships:read"]
 */
export function organizationMembershipJson(
  membership: OrganizationMembershipRecord,
  baseUrl: string,
): Record<string, unknown> {
  return {
    object: "organization_membership",
    id: membership.id,
    role: membership.role,
    role_name: membership.roleName,
    permissions: membership.permissions,
    public_metadata: membership.publicMetadata,
    private_metadata: membership.privateMetadata,
    organization: organizationJson(membership.organization, FULL_ORGANIZATION_JSON),
    public_user_data: publicUserDataJson(membership.user, baseUrl),
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}
