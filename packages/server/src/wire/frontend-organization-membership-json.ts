import type { OrganizationMembershipRecord } from "../store/organization-store.js";
import { frontendOrganizationJson } from "./frontend-organization-json.js";
import { publicUserDataJson } from "./frontend-user-json.js";

/**
 * Serialises a membership as the Frontend API's `OrganizationMembership`: role, permissions,
 * public metadata, the organization and the member's public data — never private metadata.
 *
 * @example
 * frontendOrganizationMembershipJson(membership, baseUrl).role; // "org:admin"
 */
export function frontendOrganizationMembershipJson(
  membership: OrganizationMembershipRecord,
  baseUrl: string,
) {
  return {
    object: "organization_membership" as const,
    id: membership.id,
    role: membership.role,
    role_name: membership.roleName,
    permissions: [...membership.permissions],
    public_metadata: membership.publicMetadata,
    organization: frontendOrganizationJson(membership.organization),
    public_user_data: publicUserDataJson(membership.user, baseUrl),
    created_at: membership.createdAt,
    updated_at: membership.updatedAt,
  };
}
