import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type DeletedObject, deletedObjectSchema } from "./resources/deleted-object.js";
import { type PhoneNumber, phoneNumberSchema } from "./resources/phone-number.js";

/** Params of `phoneNumbers.createPhoneNumber`. */
export interface CreatePhoneNumberParams {
  userId: string;
  /** E.164 number, e.g. `+15555550100`. */
  phoneNumber: string;
  verified?: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
}

/** Params of `phoneNumbers.updatePhoneNumber`. */
export interface UpdatePhoneNumberParams {
  verified?: boolean;
  primary?: boolean;
  reservedForSecondFactor?: boolean;
}

/** The `phoneNumbers` resource of the Backend API client. */
export interface PhoneNumbersApi {
  /** Fetches one phone number by id. */
  getPhoneNumber(phoneNumberId: string): Promise<PhoneNumber>;
  /** Adds a phone number to a user. */
  createPhoneNumber(params: CreatePhoneNumberParams): Promise<PhoneNumber>;
  /** Marks a phone number verified, primary or reserved for second factor. */
  updatePhoneNumber(phoneNumberId: string, params?: UpdatePhoneNumberParams): Promise<PhoneNumber>;
  /** Removes a phone number from its user. */
  deletePhoneNumber(phoneNumberId: string): Promise<DeletedObject>;
}

/**
 * Creates the `phoneNumbers` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * await createPhoneNumbersApi(request).updatePhoneNumber("idn_123", { primary: true });
 * ```
 */
export function createPhoneNumbersApi(request: BackendApiRequest): PhoneNumbersApi {
  return {
    getPhoneNumber: async (id) =>
      request({ method: "GET", path: apiPath`/phone_numbers/${id}`, schema: phoneNumberSchema }),
    createPhoneNumber: async (params) =>
      request({ method: "POST", path: "/phone_numbers", body: params, schema: phoneNumberSchema }),
    updatePhoneNumber: async (id, params = {}) =>
      request({
        method: "PATCH",
        path: apiPath`/phone_numbers/${id}`,
        body: params,
        schema: phoneNumberSchema,
      }),
    deletePhoneNumber: async (id) =>
      request({
        method: "DELETE",
        path: apiPath`/phone_numbers/${id}`,
        schema: deletedObjectSchema,
      }),
  };
}
