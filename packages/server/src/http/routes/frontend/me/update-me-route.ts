import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { checkUsername } from "../../../../flows/identifiers/check-username.js";
import { setUserMetadata, updateUser } from "../../../../flows/users/update-user.js";
import type { UserPatch } from "../../../../store/store.js";
import { defineRoute } from "../../../define-route.js";
import { loadFrontendUser } from "../../../frontend-api/load-frontend-client.js";
import { requireSignedInUser } from "./require-signed-in-user.js";
import { parseUnsafeMetadata, unsafeMetadataParam } from "./unsafe-metadata-param.js";

const text = () => z.string().nullable().optional();

/** A blank form value clears a field (null); absent leaves it. */
const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined || value === null ? value : value.trim() === "" ? null : value.trim();

/**
 * `PATCH /v1/me`: the signed-in user's names, username (blank removes it), primary email address
 * (a verified one of theirs), and — as Clerk's browser SDK sent it before API version
 * 2026-05-12 — `unsafe_metadata` (replaced whole; `PATCH /v1/me/metadata` deep-merges).
 * Unknown parameters are refused, like the Backend API does.
 *
 * @throws `signed_out` (401); `form_param_unknown`, `form_username_invalid_length`,
 *   `form_username_invalid_character`, `form_identifier_exists` (username taken),
 *   `form_param_value_invalid` (primary id not a verified identification of the user) (422)
 */
export const updateMeRoute = defineRoute({
  method: "PATCH",
  path: "/v1/me",
  auth: "client",
  body: z.strictObject({
    first_name: text(),
    last_name: text(),
    username: text(),
    primary_email_address_id: text(),
    primary_phone_number_id: text(),
    primary_web3_wallet_id: text(),
    unsafe_metadata: unsafeMetadataParam(),
  }),
  handler: async ({ body, auth, store, request, clock, imageBaseUrl, settings }) => {
    const { user } = await requireSignedInUser({ auth, store, request, now: clock.now() });
    for (const param of ["primary_phone_number_id", "primary_web3_wallet_id"] as const) {
      if (body[param]) {
        throw new ApiError("form_param_value_invalid", {
          paramName: param,
          longMessage: `${param} must be the id of a verified identification of this user.`,
        });
      }
    }
    // Every input is checked before the first write, so a refused request changes nothing.
    const unsafeMetadata =
      body.unsafe_metadata === undefined ? undefined : parseUnsafeMetadata(body.unsafe_metadata);
    const patch: UserPatch = {};
    const firstName = blankToNull(body.first_name);
    if (firstName !== undefined) patch.firstName = firstName;
    const lastName = blankToNull(body.last_name);
    if (lastName !== undefined) patch.lastName = lastName;
    const username = checkUsername(body.username);
    if (username !== undefined) patch.username = username;
    if (body.primary_email_address_id) {
      patch.primaryEmailAddressId = body.primary_email_address_id;
    }
    let updated = (await updateUser(store, user.id, patch)).user;
    if (unsafeMetadata !== undefined) {
      updated = (await setUserMetadata(store, user.id, { unsafeMetadata }, "replace")).user;
    }
    return loadFrontendUser({ store, imageBaseUrl, now: clock.now(), settings }, updated);
  },
});
