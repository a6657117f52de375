import type { OrganizationInvitationRecord } from "../store/organization-store.js";
import { userIdentifier, userImageUrl } from "./organization-membership-json.js";

/** Optional parts of the organization invitation object. */
export interface OrganizationInvitationJsonOptions {
  /** Adds `public_organization_data` (the user-side list and webhook events carry it). */
  includePublicOrganizationData?: boolean;
  /** Adds `user_id` of the accepting user (the `organizationInvitation.accepted` event). */
  includeAcceptedUserId?: boolean;
}

/**
 * Clerk's `organization_invitation` object. `url` is null: invitation links (tickets) are not
 * issued by this instance.
 *
 * @example
 * organizationInvitationJson(invitation, baseUrl).status; // "pending"
 */
export function organizationInvitationJson(
  invitation: OrganizationInvitationRecord,
  baseUrl: string,
  options: OrganizationInvitationJsonOptions = {},
): Record<string, unknown> {
  const inviter = invitation.inviter;
  return {
    object: "organization_invitation",
    id: invitation.id,
    email_address: invitation.emailAddress,
    role: invitation.role,
    role_name: invitation.roleName,
    organization_id: invitation.organizationId,
    inviter_id: invitation.inviterUserId,
    public_inviter_data:
      inviter === null
        ? null
        : {
            user_id: inviter.id,
            first_name: inviter.firstName,
            last_name: inviter.lastName,
            image_url: userImageUrl(inviter, baseUrl),
            has_image: inviter.imageId !== null,
            identifier: userIdentifier(inviter) ?? "",
          },
    status: invitation.status,
    public_metadata: invitation.publicMetadata,
    private_metadata: invitation.privateMetadata,
    url: null,
    expires_at: invitation.expiresAt,
    ...(options.includeAcceptedUserId && invitation.acceptedUserId !== null
      ? { user_id: invitation.acceptedUserId }
      : {}),
    ...(options.includePublicOrganizationData
      ? {
          public_organization_data: {
            id: invitation.organization.id,
            name: invitation.organization.name,
            slug: invitation.organization.slug,
            has_image: false,
          },
        }
      : {}),
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}
