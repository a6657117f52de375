import type { OrganizationInvitationRecord } from "../store/organization-store.js";
import { publicOrganizationDataJson } from "./frontend-organization-json.js";

/**
 * Serialises an organization invitation as the Frontend API's `OrganizationInvitation` (with
 * `public_organization_data`, as the invitee's list shows it). Private metadata never appears;
 * `url` is null (this instance issues no invitation links).
 *
 * @example
 * frontendOrganizationInvitationJson(invitation).status; // "pending"
 */
export function frontendOrganizationInvitationJson(invitation: OrganizationInvitationRecord) {
  return {
    object: "organization_invitation" as const,
    id: invitation.id,
    email_address: invitation.emailAddress,
    role: invitation.role,
    role_name: invitation.roleName,
    organization_id: invitation.organizationId,
    public_organization_data: publicOrganizationDataJson(invitation.organization),
    status: invitation.status,
    public_metadata: invitation.publicMetadata,
    url: null,
    expires_at: invitation.expiresAt,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
  };
}
