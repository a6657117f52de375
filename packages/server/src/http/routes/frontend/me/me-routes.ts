import type { AnyRoute } from "../../../define-route.js";
import { acceptMyOrganizationInvitationRoute } from "./accept-my-organization-invitation-route.js";
import { attemptTotpVerificationRoute } from "./attempt-totp-verification-route.js";
import { changePasswordRoute } from "./change-password-route.js";
import { createBackupCodesRoute } from "./create-backup-codes-route.js";
import { createTotpRoute } from "./create-totp-route.js";
import { deleteMeRoute } from "./delete-me-route.js";
import { deleteMyExternalAccountRoute } from "./delete-my-external-account-route.js";
import { deleteTotpRoute } from "./delete-totp-route.js";
import { getMeRoute } from "./get-me-route.js";
import { leaveOrganizationRoute } from "./leave-organization-route.js";
import { listMyActiveSessionsRoute } from "./list-my-active-sessions-route.js";
import { listMyOrganizationInvitationsRoute } from "./list-my-organization-invitations-route.js";
import { listMyOrganizationMembershipsRoute } from "./list-my-organization-memberships-route.js";
import { listMyOrganizationSuggestionsRoute } from "./list-my-organization-suggestions-route.js";
import { revokeMySessionRoute } from "./revoke-my-session-route.js";
import { updateMeMetadataRoute } from "./update-me-metadata-route.js";
import { updateMeRoute } from "./update-me-route.js";

/** The signed-in user's Frontend API routes (`/v1/me…`). */
export const meRoutes: readonly AnyRoute[] = [
  getMeRoute,
  updateMeRoute,
  deleteMeRoute,
  deleteMyExternalAccountRoute,
  updateMeMetadataRoute,
  changePasswordRoute,
  createTotpRoute,
  attemptTotpVerificationRoute,
  deleteTotpRoute,
  createBackupCodesRoute,
  listMyOrganizationMembershipsRoute,
  listMyOrganizationInvitationsRoute,
  acceptMyOrganizationInvitationRoute,
  listMyOrganizationSuggestionsRoute,
  listMyActiveSessionsRoute,
  revokeMySessionRoute,
  leaveOrganizationRoute,
];
