import { ApiError } from "../../errors/api-error.js";
import { deepMergeMetadata } from "../../internal/deep-merge-metadata.js";
import { checkMetadataSize } from "../../internal/metadata-size.js";
import {
  alreadyMember,
  organizationNotFound,
  userNotFound,
} from "../../store/organization-errors.js";
import type { Metadata } from "../../store/store.js";
import type { LockedOrganization, StoreTransaction } from "../../store/store-transaction.js";
import { ADMIN_ROLE } from "./organization-roles.js";

/**
 * Locks the organization for the rest of the transaction: every change to its memberships and
 * invitations goes through here, so quota checks and member counts cannot race.
 *
 * @throws ApiError `resource_not_found` (`organization_id`)
 */
export async function lockOrganization(
  tx: StoreTransaction,
  organizationId: string,
): Promise<LockedOrganization> {
  const organization = await tx.lockOrganization(organizationId);
  if (organization === null) throw organizationNotFound();
  return organization;
}

/** @throws ApiError `resource_not_found` (`paramName`) when the user does not exist. */
export async function requireUserExists(
  tx: StoreTransaction,
  userId: string,
  paramName = "user_id",
): Promise<void> {
  if (!(await tx.userExists(userId))) throw userNotFound(paramName);
}

/**
 * Checks that a user acting on an organization (inviter, revoker) is one of its admins.
 *
 * @throws ApiError `resource_not_found` (unknown user), `missing_organization_permission`
 */
export async function requireOrganizationAdmin(
  tx: StoreTransaction,
  organizationId: string,
  userId: string,
  paramName: string,
): Promise<void> {
  await requireUserExists(tx, userId, paramName);
  if ((await tx.membershipRole(organizationId, userId)) !== ADMIN_ROLE) {
    throw new ApiError("missing_organization_permission", {
      paramName,
      meta: { permissions: ["org:sys_memberships:manage"] },
    });
  }
}

/** @throws ApiError `already_a_member_in_organization` when the user is a member. */
export async function requireNotMember(
  tx: StoreTransaction,
  organizationId: string,
  userId: string,
): Promise<void> {
  if ((await tx.membershipRole(organizationId, userId)) !== null) throw alreadyMember();
}

/**
 * Enforces `max_allowed_memberships` (0 = unlimited): members, plus pending invitations when
 * `countPending`, must stay below it. Call with the organization locked.
 *
 * @throws ApiError `organization_membership_quota_exceeded`
 */
export async function requireMembershipRoom(
  tx: StoreTransaction,
  organization: LockedOrganization,
  countPending: boolean,
): Promise<void> {
  const max = organization.maxAllowedMemberships;
  if (!(max > 0)) return;
  const members = await tx.countMemberships(organization.id);
  const pending = countPending ? await tx.countPendingOrganizationInvitations(organization.id) : 0;
  if (members + pending >= max) {
    throw new ApiError("organization_membership_quota_exceeded", {
      longMessage: `You have reached your limit of ${max} organization memberships, including outstanding invitations.`,
    });
  }
}

/**
 * The public and private metadata to store: `update` merged into (or replacing) `current`, each
 * within the size limit; a field not in `update` stays as it is.
 *
 * @throws ApiError `form_param_max_length_exceeded` (metadata over 8 KB)
 */
export function nextMetadata(
  current: { publicMetadata: Metadata; privateMetadata: Metadata },
  update: { publicMetadata?: Metadata; privateMetadata?: Metadata },
  mode: "merge" | "replace",
): { publicMetadata: Metadata; privateMetadata: Metadata } {
  const next = (paramName: string, existing: Metadata, value: Metadata | undefined) => {
    if (value === undefined) return existing;
    const merged = mode === "replace" ? value : deepMergeMetadata(existing, value);
    checkMetadataSize(paramName, merged);
    return merged;
  };
  return {
    publicMetadata: next("public_metadata", current.publicMetadata, update.publicMetadata),
    privateMetadata: next("private_metadata", current.privateMetadata, update.privateMetadata),
  };
}
