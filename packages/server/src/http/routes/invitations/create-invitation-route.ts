import { z } from "zod";
import { createInvitation } from "../../../flows/invitations/create-invitation.js";
import { invitationJson } from "../../../wire/invitation-json.js";
import { defineRoute } from "../../define-route.js";
import { emailAddressSchema, metadataSchema } from "../organizations/list-params.js";

/**
 * `POST /v1/invitations`: invites an email address to sign up. No email is sent by this instance
 * (`notify` is stored, `template_slug` accepted).
 *
 * @throws ApiError `form_identifier_exists` (a user has the address), `duplicate_record` (a
 *   pending invitation exists) — both skipped with `ignore_existing`; `form_param_*` for bad input
 */
export const createInvitationRoute = defineRoute({
  method: "POST",
  path: "/v1/invitations",
  auth: "secret_key",
  body: z.strictObject({
    email_address: emailAddressSchema(),
    public_metadata: metadataSchema().nullable().optional(),
    redirect_url: z.string().nullable().optional(),
    notify: z.boolean().nullable().optional(),
    ignore_existing: z.boolean().nullable().optional(),
    expires_in_days: z.number().int().min(1).max(365).nullable().optional(),
    template_slug: z.enum(["invitation", "waitlist_invitation"]).optional(),
  }),
  handler: async ({ body, store }) =>
    invitationJson(
      (
        await createInvitation(store, {
          emailAddress: body.email_address,
          publicMetadata: body.public_metadata ?? null,
          redirectUrl: body.redirect_url ?? null,
          notify: body.notify ?? true,
          ignoreExisting: body.ignore_existing ?? false,
          expiresInDays: body.expires_in_days ?? null,
        })
      ).invitation,
    ),
});
