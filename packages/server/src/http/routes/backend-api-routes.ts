import type { AnyRoute } from "../define-route.js";
import { clientsRoutes } from "./clients/clients-routes.js";
import { devMailboxRoutes } from "./dev-mailbox/dev-mailbox-routes.js";
import { emailAddressesRoutes } from "./email-addresses/email-addresses-routes.js";
import { healthRoute } from "./health-route.js";
import { imagesRoutes } from "./images/images-routes.js";
import { invitationRoutes } from "./invitations/invitation-routes.js";
import { jwksRoutes } from "./jwks/jwks-routes.js";
import { jwtTemplatesRoutes } from "./jwt-templates/jwt-templates-routes.js";
import { organizationRolesRoutes } from "./organization-roles/organization-roles-routes.js";
import { organizationRoutes } from "./organizations/organization-routes.js";
import { phoneNumbersRoutes } from "./phone-numbers/phone-numbers-routes.js";
import { sessionsRoutes } from "./sessions/sessions-routes.js";
import { usersRoutes } from "./users/users-routes.js";
import { webhookRoutes } from "./webhooks/webhook-routes.js";

/** Every Backend API route the instance serves, in one list. */
export const backendApiRoutes: readonly AnyRoute[] = [
  healthRoute,
  ...usersRoutes,
  ...emailAddressesRoutes,
  ...phoneNumbersRoutes,
  ...imagesRoutes,
  ...webhookRoutes,
  ...sessionsRoutes,
  ...clientsRoutes,
  ...jwksRoutes,
  ...jwtTemplatesRoutes,
  ...organizationRoutes,
  ...organizationRolesRoutes,
  ...invitationRoutes,
  // Development mode only (404 otherwise): the dev mailbox end-to-end tests read codes from.
  ...devMailboxRoutes,
];
