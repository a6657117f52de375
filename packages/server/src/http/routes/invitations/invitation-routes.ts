import type { AnyRoute } from "../../define-route.js";
import { createInvitationRoute } from "./create-invitation-route.js";
import { listInvitationsRoute } from "./list-invitations-route.js";
import { revokeInvitationRoute } from "./revoke-invitation-route.js";

/** Application (sign-up) invitations. */
export const invitationRoutes: readonly AnyRoute[] = [
  createInvitationRoute,
  listInvitationsRoute,
  revokeInvitationRoute,
];
