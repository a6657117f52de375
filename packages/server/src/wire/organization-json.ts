import type { OrganizationRecord } from "../store/organization-store.js";

/** Optional parts of the organization object, asked for with query flags. */
export interface OrganizationJsonOptions {
  /** Adds `members_count` and `pending_invitations_count`. */
  includeMembersCount?: boolean;
  /** Adds `missing_member_with_elevated_permissions` (true when no member is an admin). */
  includeMissingMemberWithElevatedPermissions?: boolean;
}

/** Everything optional included: what webhook events and nested organizations carry. */
export const FULL_ORGANIZATION_JSON: OrganizationJsonOptions = {
  includeMembersCount: true,
  includeMissingMemberWithElevatedPermissions: true,
};

/**
 * Clerk's `organization` object (snake_case, epoch-ms timestamps). Logos are not supported, so
 * `has_image` is false and `image_url` is absent.
 *
 * @example
 * organizationJson(org, { includeMembersCount: true }).members_count; // 3
 */
export function organizationJson(
  org: OrganizationRecord,
  options: OrganizationJsonOptions = {},
): Record<string, unknown> {
  return {
    object: "organization",
    id: org.id,
    name: org.name,
    slug: org.slug,
    has_image: false,
    max_allowed_memberships: org.maxAllowedMemberships,
    admin_delete_enabled: org.adminDeleteEnabled,
    public_metadata: org.publicMetadata,
    private_metadata: org.privateMetadata,
    ...(org.createdBy === null ? {} : { created_by: org.createdBy }),
    role_set_key: org.roleSetKey,
    ...(options.includeMembersCount
      ? { members_count: org.membersCount, pending_invitations_count: org.pendingInvitationsCount }
      : {}),
    ...(options.includeMissingMemberWithElevatedPermissions
      ? { missing_member_with_elevated_permissions: !org.hasAdmin }
      : {}),
    created_at: org.createdAt,
    updated_at: org.updatedAt,
  };
}

/**
 * The deleted-object answer of `DELETE /v1/organizations/{id}` and the `organization.deleted`
 * event's data.
 *
 * @example
 * deletedOrganizationJson(org); // { object: "organization", id, slug, deleted: true }
 */
export function deletedOrganizationJson(
  org: Pick<OrganizationRecord, "id" | "slug">,
): Record<string, unknown> {
  return { object: "organization", id: org.id, slug: org.slug, deleted: true };
}
