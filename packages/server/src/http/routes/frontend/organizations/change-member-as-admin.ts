import type { OrganizationMembershipRecord } from "../../../../store/organization-store.js";
import type { Store } from "../../../../store/store.js";
import { frontendOrganizationMembershipJson } from "../../../../wire/frontend-organization-membership-json.js";
import type { ClientRouteContext } from "../../../define-route.js";
import { requireOrganizationAccess } from "./require-organization-member.js";

type MemberPath = "/v1/organizations/{organization_id}/memberships/{user_id}";

/**
 * The handler of a route that changes one member (`{user_id}`) of the organization in its path
 * (`<OrganizationProfile/>`'s members list): the signed-in user needs
 * `org:sys_memberships:manage` (admins); the answer is the membership as the change left it.
 *
 * @example
 * handler: changeMemberAsAdmin((store, organizationId, userId) =>
 *   deleteOrganizationMembership(store, organizationId, userId)),
 */
export function changeMemberAsAdmin<Body>(
  change: (
    store: Store,
    organizationId: string,
    userId: string,
    body: Body,
  ) => Promise<{ membership: OrganizationMembershipRecord }>,
) {
  return async (context: ClientRouteContext<MemberPath, unknown, Body>) => {
    const { params, body, auth, store, request, clock, imageBaseUrl } = context;
    const { membership } = await requireOrganizationAccess(
      { auth, store, request, now: clock.now() },
      params.organization_id,
      "org:sys_memberships:manage",
    );
    const changed = await change(store, membership.organizationId, params.user_id, body);
    return frontendOrganizationMembershipJson(changed.membership, imageBaseUrl);
  };
}
