import type { AnyRoute } from "../../define-route.js";
import { getUserOrganizationInvitationsRoute } from "../users/get-user-organization-invitations-route.js";
import { getUserOrganizationMembershipsRoute } from "../users/get-user-organization-memberships-route.js";
import { createOrganizationInvitationRoute } from "./create-organization-invitation-route.js";
import { createOrganizationMembershipRoute } from "./create-organization-membership-route.js";
import { createOrganizationRoute } from "./create-organization-route.js";
import { deleteOrganizationMembershipRoute } from "./delete-organization-membership-route.js";
import { deleteOrganizationRoute } from "./delete-organization-route.js";
import { getOrganizationInvitationRoute } from "./get-organization-invitation-route.js";
import { getOrganizationRoute } from "./get-organization-route.js";
import {
  listOrganizationInvitationsRoute,
  listPendingOrganizationInvitationsRoute,
} from "./list-organization-invitations-route.js";
import { listOrganizationMembershipsRoute } from "./list-organization-memberships-route.js";
import { listOrganizationsRoute } from "./list-organizations-route.js";
import { mergeOrganizationMetadataRoute } from "./merge-organization-metadata-route.js";
import { replaceOrganizationMetadataRoute } from "./replace-organization-metadata-route.js";
import { revokeOrganizationInvitationRoute } from "./revoke-organization-invitation-route.js";
import { updateOrganizationMembershipMetadataRoute } from "./update-organization-membership-metadata-route.js";
import { updateOrganizationMembershipRoute } from "./update-organization-membership-route.js";
import { updateOrganizationRoute } from "./update-organization-route.js";

/**
 * Organizations, their memberships and invitations, and the users' side of them
 * (`/v1/users/{user_id}/organization_memberships|organization_invitations`). Literal paths come
 * before the templates they would otherwise match (`invitations/pending`).
 */
export const organizationRoutes: readonly AnyRoute[] = [
  createOrganizationRoute,
  listOrganizationsRoute,
  getOrganizationRoute,
  updateOrganizationRoute,
  deleteOrganizationRoute,
  mergeOrganizationMetadataRoute,
  replaceOrganizationMetadataRoute,
  createOrganizationMembershipRoute,
  listOrganizationMembershipsRoute,
  updateOrganizationMembershipRoute,
  updateOrganizationMembershipMetadataRoute,
  deleteOrganizationMembershipRoute,
  createOrganizationInvitationRoute,
  listOrganizationInvitationsRoute,
  listPendingOrganizationInvitationsRoute,
  getOrganizationInvitationRoute,
  revokeOrganizationInvitationRoute,
  getUserOrganizationMembershipsRoute,
  getUserOrganizationInvitationsRoute,
];
