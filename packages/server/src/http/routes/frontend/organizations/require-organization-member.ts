import { ApiError } from "../../../../errors/api-error.js";
import type { OrganizationMembershipRecord } from "../../../../store/organization-store.js";
import type { Store } from "../../../../store/store.js";
import type { FrontendRequest } from "../../../frontend-api/frontend-request.js";
import { organizationNotFound } from "../../organizations/organization-input.js";
import { requireSignedInUser, type SignedInUser } from "../me/require-signed-in-user.js";

/**
 * The signed-in user's membership in an organization (by id or slug). An organization the user
 * is not a member of answers exactly like one that does not exist.
 *
 * @throws `resource_not_found` (404, `organization_id`)
 * @example
 * const membership = await requireOrganizationMember(store, params.organization_id, user.id);
 */
export async function requireOrganizationMember(
  store: Pick<Store, "getOrganization" | "getOrganizationMembership">,
  idOrSlug: string,
  userId: string,
): Promise<OrganizationMembershipRecord> {
  const organization = await store.getOrganization(idOrSlug);
  const membership =
    organization === null ? null : await store.getOrganizationMembership(organization.id, userId);
  if (membership === null) throw organizationNotFound();
  return membership;
}

/**
 * Checks that a membership's role grants a permission (`org:sys_memberships:manage`…).
 *
 * @throws `missing_organization_permission` (403, `meta.permissions` lists the one missing)
 * @example
 * requireOrganizationPermission(membership, "org:sys_profile:manage");
 */
export function requireOrganizationPermission(
  membership: Pick<OrganizationMembershipRecord, "permissions">,
  permission: string,
): void {
  if (!membership.permissions.includes(permission)) {
    throw new ApiError("missing_organization_permission", { meta: { permissions: [permission] } });
  }
}

/**
 * The signed-in user and their membership in an organization whose role grants a permission: what
 * every organization route of the Frontend API checks first.
 *
 * @throws `signed_out` (401); `resource_not_found` (404, `organization_id`);
 *   `missing_organization_permission` (403)
 * @example
 * const { membership } = await requireOrganizationAccess(
 *   { auth, store, request, now: clock.now() }, params.organization_id, "org:sys_memberships:manage");
 */
export async function requireOrganizationAccess(
  context: {
    auth: FrontendRequest;
    store: Pick<Store, "getUser" | "getOrganization" | "getOrganizationMembership">;
    request: Request;
    now: number;
  },
  idOrSlug: string,
  permission: string,
): Promise<SignedInUser & { membership: OrganizationMembershipRecord }> {
  const signedIn = await requireSignedInUser(context);
  const membership = await requireOrganizationMember(context.store, idOrSlug, signedIn.user.id);
  requireOrganizationPermission(membership, permission);
  return { ...signedIn, membership };
}
