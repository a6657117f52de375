import { ApiError } from "../errors/api-error.js";
import { identifierExists, translateUniqueViolation } from "./internal/unique-violation.js";

/** `resource_not_found` (`organization_id`): no such organization. */
export function organizationNotFound(): ApiError {
  return new ApiError("resource_not_found", {
    paramName: "organization_id",
    longMessage: "Given organization not found.",
  });
}

/** `resource_not_found` (`paramName`): no user has the id given there. */
export function userNotFound(paramName = "user_id"): ApiError {
  return new ApiError("resource_not_found", {
    paramName,
    longMessage: `No user was found with the id given as ${paramName}.`,
  });
}

/** The error for adding a user who is already a member. */
export function alreadyMember(cause?: unknown): ApiError {
  return new ApiError("already_a_member_in_organization", { paramName: "user_id", cause });
}

/**
 * Turns unique violations of the organization tables into their API errors (slug taken, already
 * a member, duplicate pending invitation); anything else goes through the store's usual mapping.
 */
export function translateOrganizationConflict(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return error;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== "23505") return error;
  // The driver error carries the statement's parameters: keep only what is safe as the cause.
  const cause = { code, constraint };
  switch (constraint) {
    case "organizations_slug_key":
      return identifierExists("slug", "slug", cause);
    case "organization_memberships_org_user_key":
      return alreadyMember(cause);
    case "organization_invitations_pending_key":
      return new ApiError("organization_invitation_not_unique", {
        paramName: "email_address",
        cause,
      });
    default:
      return translateUniqueViolation(error);
  }
}
