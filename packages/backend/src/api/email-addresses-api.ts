import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type DeletedObject, deletedObjectSchema } from "./resources/deleted-object.js";
import { type EmailAddress, emailAddressSchema } from "./resources/email-address.js";

/** Params of `emailAddresses.createEmailAddress`. */
export interface CreateEmailAddressParams {
  userId: string;
  emailAddress: string;
  verified?: boolean;
  primary?: boolean;
  notifyPrimaryEmailAddressChanged?: boolean;
}

/** Params of `emailAddresses.updateEmailAddress`. */
export interface UpdateEmailAddressParams {
  verified?: boolean;
  primary?: boolean;
  notifyPrimaryEmailAddressChanged?: boolean;
}

/** The `emailAddresses` resource of the Backend API client. */
export interface EmailAddressesApi {
  /** Fetches one email address by id. */
  getEmailAddress(emailAddressId: string): Promise<EmailAddress>;
  /** Adds an email address to a user. */
  createEmailAddress(params: CreateEmailAddressParams): Promise<EmailAddress>;
  /** Marks an email address verified and/or primary. */
  updateEmailAddress(
    emailAddressId: string,
    params?: UpdateEmailAddressParams,
  ): Promise<EmailAddress>;
  /** Removes an email address from its user. */
  deleteEmailAddress(emailAddressId: string): Promise<DeletedObject>;
}

/**
 * Creates the `emailAddresses` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * const email = await createEmailAddressesApi(request).createEmailAddress({
 *   userId: "user_123",
 *   emailAddress: "ada@example.com",
 *   verified: true,
 * });
 * ```
 */
export function createEmailAddressesApi(request: BackendApiRequest): EmailAddressesApi {
  return {
    getEmailAddress: async (id) =>
      request({ method: "GET", path: apiPath`/email_addresses/${id}`, schema: emailAddressSchema }),
    createEmailAddress: async (params) =>
      request({
        method: "POST",
        path: "/email_addresses",
        body: params,
        schema: emailAddressSchema,
      }),
    updateEmailAddress: async (id, params = {}) =>
      request({
        method: "PATCH",
        path: apiPath`/email_addresses/${id}`,
        body: params,
        schema: emailAddressSchema,
      }),
    deleteEmailAddress: async (id) =>
      request({
        method: "DELETE",
        path: apiPath`/email_addresses/${id}`,
        schema: deletedObjectSchema,
      }),
  };
}
