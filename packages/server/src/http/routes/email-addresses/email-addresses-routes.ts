import type { AnyRoute } from "../../define-route.js";
import { createEmailAddressRoute } from "./create-email-address-route.js";
import { deleteEmailAddressRoute } from "./delete-email-address-route.js";
import { getEmailAddressRoute } from "./get-email-address-route.js";
import { updateEmailAddressRoute } from "./update-email-address-route.js";

/** The `/v1/email_addresses` routes. */
export const emailAddressesRoutes: readonly AnyRoute[] = [
  createEmailAddressRoute,
  getEmailAddressRoute,
  updateEmailAddressRoute,
  deleteEmailAddressRoute,
];
