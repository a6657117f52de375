import { queryBoolean, queryInteger } from "./query-params.js";

/**
 * Query fields of the Backend API's offset-paged lists: `paginated`, `limit` (1–500, default 10)
 * and `offset`. Spread into a route's query schema.
 *
 * @example
 * query: z.object({ ...pageQuery, user_id: queryText() }),
 */
export const pageQuery = {
  paginated: queryBoolean(),
  limit: queryInteger({ min: 1, max: 500 }),
  offset: queryInteger({ min: 0 }),
};

/** The page a {@link pageQuery} asks for. */
export function pageOf(query: { limit?: number | undefined; offset?: number | undefined }): {
  limit: number;
  offset: number;
} {
  return { limit: query.limit ?? 10, offset: query.offset ?? 0 };
}

/**
 * A list as Clerk's APIs answer it: a bare array, or `{ data, total_count }` when the client sent
 * `paginated=true`. The count is only read then.
 *
 * @example
 * return listAnswer(templates, query.paginated, () => store.countJwtTemplates());
 */
export async function listAnswer<T>(
  data: T[],
  paginated: boolean | undefined,
  totalCount: number | (() => Promise<number>),
): Promise<T[] | { data: T[]; total_count: number }> {
  if (paginated !== true) return data;
  return { data, total_count: typeof totalCount === "number" ? totalCount : await totalCount() };
}
