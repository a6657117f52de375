import { ApiError, isApiError } from "../../errors/api-error.js";
import { randomBase62 } from "../../id-generator.js";
import type { OrganizationRecord } from "../../store/organization-store.js";
import type { Metadata } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { CREATOR_ROLE } from "./organization-roles.js";
import { slugFromName } from "./organization-slug.js";

/** An organization to create. */
export interface NewOrganization {
  name: string;
  /** Derived from the name when absent (with a suffix when the derived one is taken). */
  slug?: string | null;
  /** Becomes the first member, with the admin role. */
  createdBy?: string | null;
  maxAllowedMemberships?: number | null;
  publicMetadata?: Metadata | null;
  privateMetadata?: Metadata | null;
  roleSetKey?: string | null;
  /** Defaults to now. */
  createdAt?: number;
}

/** How many random suffixes a derived slug that is taken gets tried with. */
const SLUG_ATTEMPTS = 5;

/**
 * Creates an organization (`organization.created`) and, when `createdBy` is set, the creator's
 * admin membership (`organizationMembership.created`). A derived slug that is taken gets a short
 * random suffix instead of failing; a given one that is taken fails.
 *
 * @throws ApiError `form_identifier_exists` (`slug`), `organization_creator_not_found`
 * @example
 * const { organization } = await createOrganization(store, { name: "Acme", createdBy: userId });
 */
export async function createOrganization(
  store: TransactionalStore,
  input: NewOrganization,
): Promise<FlowResult<{ organization: OrganizationRecord }>> {
  if (input.slug != null) return createWithSlug(store, input, input.slug);
  const base = slugFromName(input.name);
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBase62(6).toLowerCase()}`;
    try {
      // Each attempt is its own transaction: a unique violation ends the one it happens in.
      return await createWithSlug(store, input, slug);
    } catch (error) {
      const slugTaken = isApiError(error, "form_identifier_exists") && error.paramName === "slug";
      if (!slugTaken || attempt >= SLUG_ATTEMPTS - 1) throw error;
    }
  }
}

function createWithSlug(store: TransactionalStore, input: NewOrganization, slug: string) {
  return runFlow(store, async (tx) => {
    const createdBy = input.createdBy ?? null;
    if (createdBy !== null && !(await tx.userExists(createdBy, { lock: true }))) {
      throw new ApiError("organization_creator_not_found", { paramName: "created_by" });
    }
    const id = await tx.insertOrganization({
      name: input.name,
      slug,
      createdBy,
      maxAllowedMemberships: input.maxAllowedMemberships ?? 0,
      publicMetadata: input.publicMetadata ?? {},
      privateMetadata: input.privateMetadata ?? {},
      roleSetKey: input.roleSetKey ?? null,
      createdAt: input.createdAt ?? tx.now(),
    });
    const created = await tx.getOrganization(id);
    if (created === null) throw new Error("organization vanished inside its transaction");
    await tx.emit({ type: "organization.created", organization: created });
    if (createdBy === null) return { organization: created };
    await tx.insertMembership({
      organizationId: id,
      userId: createdBy,
      role: CREATOR_ROLE,
      publicMetadata: {},
      privateMetadata: {},
    });
    const membership = await tx.getMembership(id, createdBy);
    if (membership === null) throw new Error("membership vanished inside its transaction");
    await tx.emit({ type: "organizationMembership.created", membership });
    return { organization: membership.organization };
  });
}
