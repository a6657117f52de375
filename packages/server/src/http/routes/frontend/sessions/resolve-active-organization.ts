import { ApiError } from "../../../../errors/api-error.js";
import type { Store } from "../../../../store/store.js";

/**
 * Resolves an organization id or slug the user asked to make active, checking membership: an
 * empty value means the personal account (null). An organization the user does not belong to
 * answers the same as one that does not exist.
 *
 * @throws `resource_not_found` (param `paramName`)
 * @example
 * const organizationId = await resolveActiveOrganization(store, userId, "acme", "active_organization_id");
 */
export async function resolveActiveOrganization(
  store: Store,
  userId: string,
  idOrSlug: string,
  paramName: string,
): Promise<string | null> {
  if (idOrSlug.trim() === "") return null;
  const organization = await store.getOrganization(idOrSlug.trim());
  const membership =
    organization === null ? null : await store.getOrganizationMembership(organization.id, userId);
  if (organization === null || membership === null) {
    throw new ApiError("resource_not_found", { paramName });
  }
  return organization.id;
}
