import type { OrganizationJson, OrganizationMembershipJson } from "./fapi-json.js";

/** An organization, as the hooks give it (Clerk's `OrganizationResource`, read-only fields). */
export interface OrganizationResource {
  id: string;
  name: string;
  slug: string | null;
  imageUrl: string;
  hasImage: boolean;
  membersCount: number;
  publicMetadata: Record<string, unknown>;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** A membership of the signed-in user (Clerk's `OrganizationMembershipResource`). */
export interface OrganizationMembershipResource {
  id: string;
  /** `org:admin`, `org:member`… */
  role: string;
  roleName: string;
  permissions: string[];
  organization: OrganizationResource;
  publicMetadata: Record<string, unknown>;
  createdAt: Date | null;
}

/**
 * Builds an {@link OrganizationResource} from the Frontend API's JSON.
 *
 * @example
 * const org = organizationResource({ object: "organization", id: "org_1", name: "Acme", slug: "acme" });
 */
export function organizationResource(json: OrganizationJson): OrganizationResource {
  return {
    id: json.id,
    name: json.name,
    slug: json.slug ?? null,
    imageUrl: json.image_url ?? "",
    hasImage: json.has_image ?? false,
    membersCount: json.members_count ?? 0,
    publicMetadata: json.public_metadata ?? {},
    createdAt: typeof json.created_at === "number" ? new Date(json.created_at) : null,
    updatedAt: typeof json.updated_at === "number" ? new Date(json.updated_at) : null,
  };
}

/**
 * Builds an {@link OrganizationMembershipResource} from the Frontend API's JSON.
 *
 * @example
 * const membership = organizationMembershipResource(json);
 * membership.organization.name; // "Acme"
 */
export function organizationMembershipResource(
  json: OrganizationMembershipJson,
): OrganizationMembershipResource {
  return {
    id: json.id,
    role: json.role,
    roleName: json.role_name ?? json.role.replace(/^org:/, ""),
    permissions: json.permissions ?? [],
    organization: organizationResource(json.organization),
    publicMetadata: json.public_metadata ?? {},
    createdAt: typeof json.created_at === "number" ? new Date(json.created_at) : null,
  };
}
