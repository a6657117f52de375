import { apiPath } from "./internal/api-path.js";
import { metadataWrites } from "./internal/metadata-writes.js";
import type { BackendApiRequest } from "./request.js";
import { type DeletedObject, deletedObjectSchema } from "./resources/deleted-object.js";
import type { Metadata } from "./resources/metadata.js";
import { type Organization, organizationSchema } from "./resources/organization.js";
import {
  type OrganizationInvitation,
  type OrganizationInvitationStatus,
  organizationInvitationSchema,
} from "./resources/organization-invitation.js";
import {
  type OrganizationMembership,
  organizationMembershipSchema,
} from "./resources/organization-membership.js";
import { type PaginatedResourceResponse, paginatedListSchema } from "./resources/paginated-list.js";
import type { WithSign } from "./with-sign.js";

/** Public and private metadata of an organization, membership or invitation; sent verbatim. */
export interface OrganizationMetadataParams {
  publicMetadata?: Metadata;
  privateMetadata?: Metadata;
}

/** Params of `organizations.getOrganizationList`. */
export interface OrganizationListParams {
  limit?: number;
  offset?: number;
  includeMembersCount?: boolean;
  includeMissingMemberWithElevatedPermissions?: boolean;
  /** Matches name, slug or id. */
  query?: string;
  /** Only organizations these users belong to. */
  userId?: string[];
  organizationId?: string[];
  orderBy?: WithSign<"name" | "created_at" | "members_count">;
}

/** Params of `organizations.createOrganization`. */
export interface CreateOrganizationParams extends OrganizationMetadataParams {
  name: string;
  slug?: string;
  /** The user who creates it; they become an admin. */
  createdBy?: string;
  maxAllowedMemberships?: number;
  createdAt?: Date | string;
  roleSetKey?: string;
}

/** Which organization `getOrganization` fetches: by id or by slug. */
export type GetOrganizationParams = ({ organizationId: string } | { slug: string }) & {
  includeMembersCount?: boolean;
  includeMissingMemberWithElevatedPermissions?: boolean;
};

/**
 * Params of `organizations.updateOrganization`. Since API version 2026-05-12
 * `PATCH /organizations/{id}` takes no metadata: prefer `updateOrganizationMetadata` (merge).
 * Metadata given here still works as in `@clerk/backend`: it replaces the stored objects through
 * `PUT /organizations/{id}/metadata`.
 */
export interface UpdateOrganizationParams extends OrganizationMetadataParams {
  name?: string;
  slug?: string;
  maxAllowedMemberships?: number;
  adminDeleteEnabled?: boolean;
  createdAt?: Date | string;
  roleSetKey?: string;
}

/** Params of `organizations.getOrganizationMembershipList`. */
export interface OrganizationMembershipListParams {
  organizationId: string;
  limit?: number;
  offset?: number;
  orderBy?: WithSign<
    "phone_number" | "email_address" | "created_at" | "first_name" | "last_name" | "username"
  >;
  userId?: string[];
  emailAddress?: string[];
  phoneNumber?: string[];
  username?: string[];
  web3Wallet?: string[];
  role?: string[];
  query?: string;
  emailAddressQuery?: string;
  phoneNumberQuery?: string;
  usernameQuery?: string;
  nameQuery?: string;
  lastActiveAtBefore?: number;
  lastActiveAtAfter?: number;
  createdAtBefore?: number;
  createdAtAfter?: number;
}

/** Params of `organizations.createOrganizationMembership`. */
export interface CreateOrganizationMembershipParams extends OrganizationMetadataParams {
  organizationId: string;
  userId: string;
  /** Role key, e.g. `org:admin` or `org:member`. */
  role: string;
}

/** Params of `organizations.updateOrganizationMembership`. */
export interface UpdateOrganizationMembershipParams {
  organizationId: string;
  userId: string;
  role: string;
}

/** Params of `organizations.updateOrganizationMembershipMetadata`. */
export interface UpdateOrganizationMembershipMetadataParams extends OrganizationMetadataParams {
  organizationId: string;
  userId: string;
}

/** Params of `organizations.deleteOrganizationMembership`. */
export interface DeleteOrganizationMembershipParams {
  organizationId: string;
  userId: string;
}

/** Params of `organizations.createOrganizationInvitation`. */
export interface CreateOrganizationInvitationParams extends OrganizationMetadataParams {
  organizationId: string;
  emailAddress: string;
  role: string;
  inviterUserId?: string;
  redirectUrl?: string;
  expiresInDays?: number;
  notify?: boolean;
}

/** Params of `organizations.getOrganizationInvitationList`. */
export interface OrganizationInvitationListParams {
  organizationId: string;
  /** One status, or several (sent as repeated keys, as Clerk's SDK does). */
  status?: OrganizationInvitationStatus | OrganizationInvitationStatus[];
  emailAddress?: string;
  orderBy?: WithSign<"created_at" | "email_address">;
  limit?: number;
  offset?: number;
}

/** Params of `organizations.getOrganizationInvitation`. */
export interface GetOrganizationInvitationParams {
  organizationId: string;
  invitationId: string;
}

/** Params of `organizations.revokeOrganizationInvitation`. */
export interface RevokeOrganizationInvitationParams {
  organizationId: string;
  invitationId: string;
  requestingUserId?: string;
}

/** The `organizations` resource of the Backend API client, with `@clerk/backend`'s names. */
export interface OrganizationsApi {
  /** Lists organizations. */
  getOrganizationList(
    params?: OrganizationListParams,
  ): Promise<PaginatedResourceResponse<Organization>>;
  /** Creates an organization. */
  createOrganization(params: CreateOrganizationParams): Promise<Organization>;
  /** Fetches one organization by id or slug. */
  getOrganization(params: GetOrganizationParams): Promise<Organization>;
  /**
   * Updates an organization's attributes. Metadata given here (deprecated, as in
   * `@clerk/backend`) replaces the stored objects in a second request to `PUT …/metadata`.
   */
  updateOrganization(
    organizationId: string,
    params: UpdateOrganizationParams,
  ): Promise<Organization>;
  /** Deep-merges metadata into an organization; `null` deletes a key. */
  updateOrganizationMetadata(
    organizationId: string,
    params: OrganizationMetadataParams,
  ): Promise<Organization>;
  /** Replaces the given metadata objects of an organization as a whole. */
  replaceOrganizationMetadata(
    organizationId: string,
    params: OrganizationMetadataParams,
  ): Promise<Organization>;
  /** Deletes an organization. */
  deleteOrganization(organizationId: string): Promise<DeletedObject>;
  /** Lists the members of an organization. */
  getOrganizationMembershipList(
    params: OrganizationMembershipListParams,
  ): Promise<PaginatedResourceResponse<OrganizationMembership>>;
  /** Adds a user to an organization with a role. */
  createOrganizationMembership(
    params: CreateOrganizationMembershipParams,
  ): Promise<OrganizationMembership>;
  /** Changes a member's role. */
  updateOrganizationMembership(
    params: UpdateOrganizationMembershipParams,
  ): Promise<OrganizationMembership>;
  /** Deep-merges metadata into a membership. */
  updateOrganizationMembershipMetadata(
    params: UpdateOrganizationMembershipMetadataParams,
  ): Promise<OrganizationMembership>;
  /** Removes a member; answers with the removed membership. */
  deleteOrganizationMembership(
    params: DeleteOrganizationMembershipParams,
  ): Promise<OrganizationMembership>;
  /** Invites someone to an organization. */
  createOrganizationInvitation(
    params: CreateOrganizationInvitationParams,
  ): Promise<OrganizationInvitation>;
  /** Lists an organization's invitations. */
  getOrganizationInvitationList(
    params: OrganizationInvitationListParams,
  ): Promise<PaginatedResourceResponse<OrganizationInvitation>>;
  /** Fetches one organization invitation. */
  getOrganizationInvitation(
    params: GetOrganizationInvitationParams,
  ): Promise<OrganizationInvitation>;
  /** Revokes a pending organization invitation. */
  revokeOrganizationInvitation(
    params: RevokeOrganizationInvitationParams,
  ): Promise<OrganizationInvitation>;
}

const organizationPageSchema = paginatedListSchema(organizationSchema);
const membershipPageSchema = paginatedListSchema(organizationMembershipSchema);
const invitationPageSchema = paginatedListSchema(organizationInvitationSchema);

/**
 * Creates the `organizations` resource (organizations, memberships, invitations).
 *
 * @throws BackendError `invalid-resource-id` for an empty id or slug; plus the codes of
 *   {@link BackendApiRequest}.
 * @example
 * ```ts
 * const orgs = createOrganizationsApi(request);
 * const org = await orgs.getOrganization({ slug: "acme" });
 * await orgs.createOrganizationMembership({ organizationId: org.id, userId, role: "org:member" });
 * ```
 */
export function createOrganizationsApi(request: BackendApiRequest): OrganizationsApi {
  const organizationWrites = metadataWrites(request, organizationSchema);
  const membershipWrites = metadataWrites(request, organizationMembershipSchema);
  return {
    getOrganizationList: async (params = {}) =>
      request({
        method: "GET",
        path: "/organizations",
        query: { ...params },
        schema: organizationPageSchema,
      }),

    createOrganization: async (params) =>
      request({ method: "POST", path: "/organizations", body: params, schema: organizationSchema }),

    async getOrganization(params) {
      const { includeMembersCount, includeMissingMemberWithElevatedPermissions } = params;
      const idOrSlug = "organizationId" in params ? params.organizationId : params.slug;
      return request({
        method: "GET",
        path: apiPath`/organizations/${idOrSlug}`,
        query: { includeMembersCount, includeMissingMemberWithElevatedPermissions },
        schema: organizationSchema,
      });
    },

    async updateOrganization(organizationId, params) {
      const { publicMetadata, privateMetadata, ...attributes } = params;
      const metadata = { publicMetadata, privateMetadata };
      return organizationWrites.update(
        apiPath`/organizations/${organizationId}`,
        attributes,
        metadata,
      );
    },

    updateOrganizationMetadata: async (organizationId, params) =>
      organizationWrites.merge(apiPath`/organizations/${organizationId}`, params),

    replaceOrganizationMetadata: async (organizationId, params) =>
      organizationWrites.replace(apiPath`/organizations/${organizationId}`, params),

    deleteOrganization: async (organizationId) =>
      request({
        method: "DELETE",
        path: apiPath`/organizations/${organizationId}`,
        schema: deletedObjectSchema,
      }),

    async getOrganizationMembershipList({ organizationId, ...query }) {
      return request({
        method: "GET",
        path: apiPath`/organizations/${organizationId}/memberships`,
        query,
        schema: membershipPageSchema,
      });
    },

    async createOrganizationMembership({ organizationId, ...body }) {
      return request({
        method: "POST",
        path: apiPath`/organizations/${organizationId}/memberships`,
        body,
        schema: organizationMembershipSchema,
      });
    },

    updateOrganizationMembership: async ({ organizationId, userId, role }) =>
      request({
        method: "PATCH",
        path: apiPath`/organizations/${organizationId}/memberships/${userId}`,
        body: { role },
        schema: organizationMembershipSchema,
      }),

    updateOrganizationMembershipMetadata: async ({
      organizationId,
      userId,
      publicMetadata,
      privateMetadata,
    }) =>
      membershipWrites.merge(apiPath`/organizations/${organizationId}/memberships/${userId}`, {
        publicMetadata,
        privateMetadata,
      }),

    deleteOrganizationMembership: async ({ organizationId, userId }) =>
      request({
        method: "DELETE",
        path: apiPath`/organizations/${organizationId}/memberships/${userId}`,
        schema: organizationMembershipSchema,
      }),

    async createOrganizationInvitation({ organizationId, ...body }) {
      return request({
        method: "POST",
        path: apiPath`/organizations/${organizationId}/invitations`,
        body,
        schema: organizationInvitationSchema,
      });
    },

    async getOrganizationInvitationList({ organizationId, ...query }) {
      return request({
        method: "GET",
        path: apiPath`/organizations/${organizationId}/invitations`,
        query,
        schema: invitationPageSchema,
      });
    },

    getOrganizationInvitation: async ({ organizationId, invitationId }) =>
      request({
        method: "GET",
        path: apiPath`/organizations/${organizationId}/invitations/${invitationId}`,
        schema: organizationInvitationSchema,
      }),

    revokeOrganizationInvitation: async ({ organizationId, invitationId, requestingUserId }) =>
      request({
        method: "POST",
        path: apiPath`/organizations/${organizationId}/invitations/${invitationId}/revoke`,
        body: { requestingUserId },
        schema: organizationInvitationSchema,
      }),
  };
}
