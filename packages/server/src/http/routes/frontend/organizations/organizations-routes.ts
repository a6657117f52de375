import type { AnyRoute } from "../../../define-route.js";
import { createOrganizationInvitationRoute } from "./create-organization-invitation-route.js";
import { createOrganizationInvitationsBulkRoute } from "./create-organization-invitations-bulk-route.js";
import { createOrganizationRoute } from "./create-organization-route.js";
import { deleteOrganizationMembershipRoute } from "./delete-organization-membership-route.js";
import { deleteOrganizationRoute } from "./delete-organization-route.js";
import { getOrganizationRoute } from "./get-organization-route.js";
import { listOrganizationDomainsRoute } from "./list-organization-domains-route.js";
import { listOrganizationInvitationsRoute } from "./list-organization-invitations-route.js";
import { listOrganizationMembershipsRoute } from "./list-organization-memberships-route.js";
import { listOrganizationRolesRoute } from "./list-organization-roles-route.js";
import { revokeOrganizationInvitationRoute } from "./revoke-organization-invitation-route.js";
import { updateOrganizationMembershipRoute } from "./update-organization-membership-route.js";
import { updateOrganizationRoute } from "./update-organization-route.js";

/** The Frontend API's organization routes, acting as the signed-in user. */
export const organizationsRoutes: readonly AnyRoute[] = [
  createOrganizationRoute,
  getOrganizationRoute,
  updateOrganizationRoute,
  createOrganizationInvitationRoute,
  createOrganizationInvitationsBulkRoute,
  listOrganizationInvitationsRoute,
  listOrganizationMembershipsRoute,
  listOrganizationRolesRoute,
  listOrganizationDomainsRoute,
  updateOrganizationMembershipRoute,
  deleteOrganizationMembershipRoute,
  deleteOrganizationRoute,
  revokeOrganizationInvitationRoute,
];
