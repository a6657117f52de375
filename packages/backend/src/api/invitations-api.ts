import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type Invitation, invitationSchema } from "./resources/invitation.js";
import type { Metadata } from "./resources/metadata.js";
import { type PaginatedResourceResponse, paginatedListSchema } from "./resources/paginated-list.js";
import type { WithSign } from "./with-sign.js";

/** Status of an application invitation. */
export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** Params of `invitations.createInvitation`. */
export interface CreateInvitationParams {
  emailAddress: string;
  /** Copied into the user's public metadata on sign-up; sent verbatim. */
  publicMetadata?: Metadata;
  redirectUrl?: string;
  notify?: boolean;
  ignoreExisting?: boolean;
  expiresInDays?: number;
  templateSlug?: "invitation" | "waitlist_invitation";
}

/** Params of `invitations.getInvitationList`. */
export interface InvitationListParams {
  status?: InvitationStatus;
  /** Matches email address or id. */
  query?: string;
  orderBy?: WithSign<"created_at" | "email_address" | "expires_at">;
  limit?: number;
  offset?: number;
}

/** The `invitations` resource (application invitations) of the Backend API client. */
export interface InvitationsApi {
  /** Lists application invitations. */
  getInvitationList(params?: InvitationListParams): Promise<PaginatedResourceResponse<Invitation>>;
  /** Invites someone to sign up. */
  createInvitation(params: CreateInvitationParams): Promise<Invitation>;
  /** Revokes a pending invitation. */
  revokeInvitation(invitationId: string): Promise<Invitation>;
}

const invitationPageSchema = paginatedListSchema(invitationSchema);

/**
 * Creates the `invitations` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * await createInvitationsApi(request).createInvitation({ emailAddress: "ada@example.com" });
 * ```
 */
export function createInvitationsApi(request: BackendApiRequest): InvitationsApi {
  return {
    getInvitationList: async (params = {}) =>
      request({
        method: "GET",
        path: "/invitations",
        query: { ...params, paginated: true },
        schema: invitationPageSchema,
      }),
    createInvitation: async (params) =>
      request({ method: "POST", path: "/invitations", body: params, schema: invitationSchema }),
    revokeInvitation: async (invitationId) =>
      request({
        method: "POST",
        path: apiPath`/invitations/${invitationId}/revoke`,
        schema: invitationSchema,
      }),
  };
}
