import { z } from "zod";
import { queryText } from "../../query-params.js";
import { limitParam, offsetParam, orderByParam, paging } from "../organizations/list-params.js";

/** A role key: `org:` then lowercase letters, digits and underscores. */
const roleKey = () => z.string().regex(/^org:[a-z0-9_]+$/);

/** Body of `POST /v1/organization_roles`. */
export const createRoleBody = z.strictObject({
  name: z.string().trim().min(1).max(256),
  key: roleKey(),
  description: z.string().max(1024).nullish(),
  permissions: z.array(z.string()).max(100).nullish(),
  include_in_initial_role_set: z.boolean().nullish(),
});

/** Body of `PATCH /v1/organization_roles/{organization_role_id}`: every field optional. */
export const updateRoleBody = z.strictObject({
  name: z.string().trim().min(1).max(256).nullish(),
  key: roleKey().nullish(),
  description: z.string().max(1024).nullish(),
  permissions: z.array(z.string()).max(100).nullish(),
});

/** Body of `POST /v1/organization_permissions`: the key `org:<feature>:<action>`. */
export const createPermissionBody = z.strictObject({
  name: z.string().trim().min(1).max(256),
  key: z.string().regex(/^org:[a-z0-9_]+:[a-z0-9_]+$/),
  description: z.string().max(1024).optional(),
});

/** Query of the role and permission lists: `query`, `order_by`, `limit`, `offset`. */
export const roleListQuery = z.object({
  query: queryText(),
  order_by: queryText(),
  limit: limitParam(),
  offset: offsetParam(),
});

/**
 * The store's list query for a {@link roleListQuery} (newest first by default).
 *
 * @throws ApiError `form_param_value_invalid` (`order_by`)
 * @example
 * await store.listOrganizationRoles(roleListOf(query));
 */
export function roleListOf(query: z.output<typeof roleListQuery>) {
  return {
    ...paging(query),
    ...(query.query ? { query: query.query } : {}),
    orderBy: orderByParam(query.order_by, ["created_at", "name", "key"] as const, "-created_at"),
  };
}
