import type { AnyRoute } from "../../define-route.js";
import { createPhoneNumberRoute } from "./create-phone-number-route.js";
import { deletePhoneNumberRoute } from "./delete-phone-number-route.js";
import { getPhoneNumberRoute } from "./get-phone-number-route.js";
import { updatePhoneNumberRoute } from "./update-phone-number-route.js";

/** The `/v1/phone_numbers` routes. */
export const phoneNumbersRoutes: readonly AnyRoute[] = [
  createPhoneNumberRoute,
  getPhoneNumberRoute,
  updatePhoneNumberRoute,
  deletePhoneNumberRoute,
];
