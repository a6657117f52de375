import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type DeletedObject, deletedObjectSchema } from "./resources/deleted-object.js";
import { type JwtTemplate, jwtTemplateSchema } from "./resources/jwt-template.js";
import { type PaginatedResourceResponse, paginatedListSchema } from "./resources/paginated-list.js";

/** Params of `jwtTemplates.create`. `claims` are sent verbatim (shortcodes included). */
export interface CreateJwtTemplateParams {
  name: string;
  claims: Record<string, unknown>;
  /** Token lifetime in seconds. */
  lifetime?: number | null;
  /** Allowed clock skew in seconds. */
  allowedClockSkew?: number | null;
  customSigningKey?: boolean;
  /** Required when `customSigningKey` is true. */
  signingAlgorithm?: string | null;
  /** Required when `customSigningKey` is true. */
  signingKey?: string | null;
}

/** Params of `jwtTemplates.update`: the whole template plus its id. */
export interface UpdateJwtTemplateParams extends CreateJwtTemplateParams {
  templateId: string;
}

/** Paging params of `jwtTemplates.list`. */
export interface JwtTemplateListParams {
  limit?: number;
  offset?: number;
}

/** The `jwtTemplates` resource of the Backend API client (`@clerk/backend` names). */
export interface JwtTemplatesApi {
  /** Lists the instance's JWT templates. */
  list(params?: JwtTemplateListParams): Promise<PaginatedResourceResponse<JwtTemplate>>;
  /** Fetches one template by id. */
  get(templateId: string): Promise<JwtTemplate>;
  /** Creates a template. */
  create(params: CreateJwtTemplateParams): Promise<JwtTemplate>;
  /** Replaces a template's settings. */
  update(params: UpdateJwtTemplateParams): Promise<JwtTemplate>;
  /** Deletes a template. */
  delete(templateId: string): Promise<DeletedObject>;
}

const templatePageSchema = paginatedListSchema(jwtTemplateSchema);

/**
 * Creates the `jwtTemplates` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * await createJwtTemplatesApi(request).create({
 *   name: "supabase",
 *   claims: { email: "{{user.primary_email_address}}" },
 *   lifetime: 60,
 * });
 * ```
 */
export function createJwtTemplatesApi(request: BackendApiRequest): JwtTemplatesApi {
  return {
    list: async (params = {}) =>
      request({
        method: "GET",
        path: "/jwt_templates",
        query: { ...params, paginated: true },
        schema: templatePageSchema,
      }),
    get: async (templateId) =>
      request({
        method: "GET",
        path: apiPath`/jwt_templates/${templateId}`,
        schema: jwtTemplateSchema,
      }),
    create: async (params) =>
      request({ method: "POST", path: "/jwt_templates", body: params, schema: jwtTemplateSchema }),
    async update({ templateId, ...body }) {
      return request({
        method: "PATCH",
        path: apiPath`/jwt_templates/${templateId}`,
        body,
        schema: jwtTemplateSchema,
      });
    },
    delete: async (templateId) =>
      request({
        method: "DELETE",
        path: apiPath`/jwt_templates/${templateId}`,
        schema: deletedObjectSchema,
      }),
  };
}
