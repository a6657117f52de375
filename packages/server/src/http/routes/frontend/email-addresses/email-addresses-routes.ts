import type { AnyRoute } from "../../../define-route.js";
import { attemptMyEmailAddressVerificationRoute } from "./attempt-my-email-address-verification-route.js";
import { createMyEmailAddressRoute } from "./create-my-email-address-route.js";
import { deleteMyEmailAddressRoute } from "./delete-my-email-address-route.js";
import { getMyEmailAddressRoute } from "./get-my-email-address-route.js";
import { listMyEmailAddressesRoute } from "./list-my-email-addresses-route.js";
import { prepareMyEmailAddressVerificationRoute } from "./prepare-my-email-address-verification-route.js";

/** The signed-in user's email-address routes (`/v1/me/email_addresses…`, `<UserProfile/>`). */
export const myEmailAddressesRoutes: readonly AnyRoute[] = [
  listMyEmailAddressesRoute,
  createMyEmailAddressRoute,
  getMyEmailAddressRoute,
  deleteMyEmailAddressRoute,
  prepareMyEmailAddressVerificationRoute,
  attemptMyEmailAddressVerificationRoute,
];
