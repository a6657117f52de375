import { z } from "zod";

/** A page of a list and the total number of items matching, as `@clerk/backend` returns it. */
export interface PaginatedResourceResponse<T> {
  data: T[];
  totalCount: number;
}

/**
 * Zod schema of a list answer: `{ data, total_count }` (camelized), or a bare array, whose
 * `totalCount` is then its length.
 */
export function paginatedListSchema<T>(
  item: z.ZodType<T>,
): z.ZodType<PaginatedResourceResponse<T>> {
  return z.union([
    z.looseObject({ data: z.array(item), totalCount: z.number() }).transform((page) => ({
      data: page.data,
      totalCount: page.totalCount,
    })),
    z.array(item).transform((data) => ({ data, totalCount: data.length })),
  ]);
}

/** Zod schema of a `{ object: "total_count", total_count }` answer, producing the number. */
export const totalCountSchema = z
  .looseObject({ totalCount: z.number() })
  .transform((count) => count.totalCount);
