import { ApiError } from "../../errors/api-error.js";
import { alreadyMember } from "../../store/organization-errors.js";
import type { OrganizationInvitationRecord } from "../../store/organization-store.js";
import type { Metadata } from "../../store/store.js";
import type {
  LockedOrganization,
  StoreTransaction,
  TransactionalStore,
} from "../../store/store-transaction.js";
import {
  lockOrganization,
  requireMembershipRoom,
  requireOrganizationAdmin,
} from "../organizations/organization-guards.js";
import { requireOrganizationRole } from "../organizations/organization-roles.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { invitationExpiresAt } from "./invitation-expiry.js";
import { emitInvitation } from "./organization-invitation-steps.js";

/** An invitation to join an organization. */
export interface NewOrganizationInvitation {
  emailAddress: string;
  role: string;
  /** Must be an admin of the organization when given. */
  inviterUserId?: string | null;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  redirectUrl?: string | null;
  /** Default 30. */
  expiresInDays?: number | null;
}

/**
 * Invites an email address into an organization (`organizationInvitation.created`): with a known
 * role, by an admin when an inviter is named, not to a member's address, one pending invitation
 * per address, within `max_allowed_memberships` (pending invitations hold seats).
 *
 * @throws ApiError `resource_not_found` (organization, inviter, `role`),
 *   `missing_organization_permission`, `already_a_member_in_organization`,
 *   `organization_invitation_not_unique`, `organization_membership_quota_exceeded`
 * @example
 * const { invitation } = await createOrganizationInvitation(store, orgId, { emailAddress, role: "org:member" });
 */
export function createOrganizationInvitation(
  store: TransactionalStore,
  organizationId: string,
  input: NewOrganizationInvitation,
): Promise<FlowResult<{ invitation: OrganizationInvitationRecord }>> {
  return runFlow(store, async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    return { invitation: await invite(tx, organization, input) };
  });
}

/**
 * Invites several email addresses at once, all or none: each as
 * {@link createOrganizationInvitation} would, in one transaction (an address twice in the list is
 * `organization_invitation_not_unique`, and the seats of the whole list must be free).
 *
 * @throws ApiError as {@link createOrganizationInvitation}, for the first refused address
 * @example
 * const { invitations } = await createOrganizationInvitations(store, orgId, [{ emailAddress, role }]);
 */
export function createOrganizationInvitations(
  store: TransactionalStore,
  organizationId: string,
  inputs: readonly NewOrganizationInvitation[],
): Promise<FlowResult<{ invitations: OrganizationInvitationRecord[] }>> {
  return runFlow(store, async (tx) => {
    const organization = await lockOrganization(tx, organizationId);
    const invitations: OrganizationInvitationRecord[] = [];
    for (const input of inputs) invitations.push(await invite(tx, organization, input));
    return { invitations };
  });
}

/** One invitation, inside a flow's transaction that holds the organization's lock. */
async function invite(
  tx: StoreTransaction,
  organization: LockedOrganization,
  input: NewOrganizationInvitation,
): Promise<OrganizationInvitationRecord> {
  const organizationId = organization.id;
  const role = await requireOrganizationRole(tx, input.role);
  if (input.inviterUserId != null) {
    await requireOrganizationAdmin(tx, organizationId, input.inviterUserId, "inviter_user_id");
  }
  const email = input.emailAddress;
  if (await tx.memberHasEmailAddress(organizationId, email)) throw alreadyMember();
  // A pending invitation past its expiry no longer blocks a new one.
  await tx.expireOrganizationInvitations(organizationId, email);
  if ((await tx.countPendingOrganizationInvitations(organizationId, email)) > 0) {
    throw new ApiError("organization_invitation_not_unique", { paramName: "email_address" });
  }
  await requireMembershipRoom(tx, organization, true);
  const id = await tx.insertOrganizationInvitation({
    organizationId,
    emailAddress: email,
    role: role.key,
    inviterUserId: input.inviterUserId ?? null,
    publicMetadata: input.publicMetadata ?? {},
    privateMetadata: input.privateMetadata ?? {},
    redirectUrl: input.redirectUrl ?? null,
    expiresAt: invitationExpiresAt(tx.now(), input.expiresInDays),
  });
  return emitInvitation(tx, "created", organizationId, id);
}
