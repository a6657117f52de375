import { z } from "zod";
import { apiPath } from "./internal/api-path.js";
import { metadataWrites } from "./internal/metadata-writes.js";
import type { BackendApiRequest } from "./request.js";
import { type DeletedObject, deletedObjectSchema } from "./resources/deleted-object.js";
import { type OauthAccessToken, oauthAccessTokenSchema } from "./resources/oauth-access-token.js";
import {
  type OrganizationInvitation,
  organizationInvitationSchema,
} from "./resources/organization-invitation.js";
import {
  type OrganizationMembership,
  organizationMembershipSchema,
} from "./resources/organization-membership.js";
import {
  type PaginatedResourceResponse,
  paginatedListSchema,
  totalCountSchema,
} from "./resources/paginated-list.js";
import { type User, userSchema } from "./resources/user.js";
import type {
  CreateUserParams,
  GetUserOrganizationInvitationListParams,
  GetUserOrganizationMembershipListParams,
  UpdateUserParams,
  UserCountParams,
  UserListParams,
  UserMetadataParams,
  VerifyPasswordParams,
  VerifyTOTPParams,
} from "./users-api-params.js";

/** Which kind of code `verifyTOTP` accepted. */
export type TotpCodeType = "totp" | "backup_code" | (string & {});

/** Answer of `users.verifyTOTP`. `code_type` repeats `codeType` for code written against Clerk. */
export interface VerifyTOTPResult {
  verified: boolean;
  codeType: TotpCodeType;
  /** @deprecated Same as `codeType`; kept because `@clerk/backend` returns the raw key. */
  code_type: TotpCodeType;
}

const verifyPasswordSchema = z
  .looseObject({ verified: z.boolean() })
  .transform((r) => ({ verified: r.verified }));

const verifyTotpSchema = z.looseObject({ verified: z.boolean(), codeType: z.string() }).transform(
  (r): VerifyTOTPResult => ({
    verified: r.verified,
    codeType: r.codeType,
    code_type: r.codeType,
  }),
);

const userListSchema = z.array(userSchema);
const oauthTokensSchema = paginatedListSchema(oauthAccessTokenSchema);
const membershipsSchema = paginatedListSchema(organizationMembershipSchema);
const invitationsSchema = paginatedListSchema(organizationInvitationSchema);

/** The `users` resource of the Backend API client, with `@clerk/backend`'s method names. */
export interface UsersApi {
  /** Lists users matching the filters, with the total count (two requests in parallel). */
  getUserList(params?: UserListParams): Promise<PaginatedResourceResponse<User>>;
  /** Fetches one user by id. */
  getUser(userId: string): Promise<User>;
  /** Counts users matching the filters. */
  getCount(params?: UserCountParams): Promise<number>;
  /** Creates a user. */
  createUser(params: CreateUserParams): Promise<User>;
  /**
   * Updates a user's attributes. Metadata given here (deprecated, as in `@clerk/backend`)
   * replaces the stored objects in a second request to `PUT /users/{id}/metadata`.
   */
  updateUser(userId: string, params?: UpdateUserParams): Promise<User>;
  /** Deep-merges metadata into a user; `null` deletes a key. */
  updateUserMetadata(userId: string, params: UserMetadataParams): Promise<User>;
  /** Replaces the given metadata objects of a user as a whole. */
  replaceUserMetadata(userId: string, params: UserMetadataParams): Promise<User>;
  /** Sets a user's profile image from a file. */
  updateUserProfileImage(userId: string, params: { file: Blob | File }): Promise<User>;
  /** Removes a user's profile image. */
  deleteUserProfileImage(userId: string): Promise<User>;
  /** Deletes a user. */
  deleteUser(userId: string): Promise<DeletedObject>;
  /** Bans a user: all sessions revoked, sign-in refused. */
  banUser(userId: string): Promise<User>;
  /** Lifts a ban. */
  unbanUser(userId: string): Promise<User>;
  /** Locks a user out of sign-in. */
  lockUser(userId: string): Promise<User>;
  /** Lifts a lockout. */
  unlockUser(userId: string): Promise<User>;
  /** Checks a password against the user's. */
  verifyPassword(params: VerifyPasswordParams): Promise<{ verified: boolean }>;
  /** Checks a TOTP or backup code. */
  verifyTOTP(params: VerifyTOTPParams): Promise<VerifyTOTPResult>;
  /** Fetches the user's OAuth access tokens for a provider (`google` or `oauth_google`). */
  getUserOauthAccessToken(
    userId: string,
    provider: string,
  ): Promise<PaginatedResourceResponse<OauthAccessToken>>;
  /** Lists the user's organization memberships. */
  getOrganizationMembershipList(
    params: GetUserOrganizationMembershipListParams,
  ): Promise<PaginatedResourceResponse<OrganizationMembership>>;
  /** Lists organization invitations sent to the user. */
  getOrganizationInvitationList(
    params: GetUserOrganizationInvitationListParams,
  ): Promise<PaginatedResourceResponse<OrganizationInvitation>>;
}

/**
 * Creates the `users` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` (from each method) for an empty id;
 *   plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * const users = createUsersApi(request);
 * const { data, totalCount } = await users.getUserList({ emailAddress: ["a@x.com"], limit: 10 });
 * ```
 */
export function createUsersApi(request: BackendApiRequest): UsersApi {
  const getCount = async (params: UserCountParams = {}) =>
    request({
      method: "GET",
      path: "/users/count",
      query: { ...params },
      schema: totalCountSchema,
    });

  const userWrites = metadataWrites(request, userSchema);

  const postAction = async (userId: string, action: string) =>
    request({
      method: "POST",
      path: `${apiPath`/users/${userId}`}/${action}`,
      schema: userSchema,
    });

  return {
    async getUserList(params = {}) {
      const { limit, offset, orderBy, ...countParams } = params;
      const [data, totalCount] = await Promise.all([
        request({ method: "GET", path: "/users", query: { ...params }, schema: userListSchema }),
        getCount(countParams),
      ]);
      return { data, totalCount };
    },

    getUser: async (userId) =>
      request({ method: "GET", path: apiPath`/users/${userId}`, schema: userSchema }),

    getCount,

    createUser: async (params) =>
      request({ method: "POST", path: "/users", body: params, schema: userSchema }),

    async updateUser(userId, params = {}) {
      const { publicMetadata, privateMetadata, unsafeMetadata, ...attributes } = params;
      const metadata = { publicMetadata, privateMetadata, unsafeMetadata };
      return userWrites.update(apiPath`/users/${userId}`, attributes, metadata);
    },

    updateUserMetadata: async (userId, params) =>
      userWrites.merge(apiPath`/users/${userId}`, params),

    replaceUserMetadata: async (userId, params) =>
      userWrites.replace(apiPath`/users/${userId}`, params),

    async updateUserProfileImage(userId, params) {
      const path = apiPath`/users/${userId}/profile_image`;
      const formData = new FormData();
      formData.append("file", params.file);
      return request({ method: "POST", path, formData, schema: userSchema });
    },

    deleteUserProfileImage: async (userId) =>
      request({
        method: "DELETE",
        path: apiPath`/users/${userId}/profile_image`,
        schema: userSchema,
      }),

    deleteUser: async (userId) =>
      request({ method: "DELETE", path: apiPath`/users/${userId}`, schema: deletedObjectSchema }),

    banUser: async (userId) => postAction(userId, "ban"),
    unbanUser: async (userId) => postAction(userId, "unban"),
    lockUser: async (userId) => postAction(userId, "lock"),
    unlockUser: async (userId) => postAction(userId, "unlock"),

    verifyPassword: async ({ userId, password }) =>
      request({
        method: "POST",
        path: apiPath`/users/${userId}/verify_password`,
        body: { password },
        schema: verifyPasswordSchema,
      }),

    verifyTOTP: async ({ userId, code }) =>
      request({
        method: "POST",
        path: apiPath`/users/${userId}/verify_totp`,
        body: { code },
        schema: verifyTotpSchema,
      }),

    async getUserOauthAccessToken(userId, provider) {
      const prefixed = provider.startsWith("oauth_") ? provider : `oauth_${provider}`;
      return request({
        method: "GET",
        path: apiPath`/users/${userId}/oauth_access_tokens/${prefixed}`,
        query: { paginated: true },
        schema: oauthTokensSchema,
      });
    },

    getOrganizationMembershipList: async ({ userId, limit, offset }) =>
      request({
        method: "GET",
        path: apiPath`/users/${userId}/organization_memberships`,
        query: { limit, offset },
        schema: membershipsSchema,
      }),

    getOrganizationInvitationList: async ({ userId, status, limit, offset }) =>
      request({
        method: "GET",
        path: apiPath`/users/${userId}/organization_invitations`,
        query: { status, limit, offset },
        schema: invitationsSchema,
      }),
  };
}
