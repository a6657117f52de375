import { z } from "zod";
import { queryInteger } from "../../query-params.js";

/** An endpoint URL; its format (absolute http/https, no credentials) is checked by the store. */
export const webhookUrlInput = z.string().min(1).max(2048);

/** Event types an endpoint receives (`user.created`, `organizationMembership.updated`…); empty = all. */
export const eventTypesInput = z
  .array(z.string().regex(/^[A-Za-z]+(\.[A-Za-z]+)+$/, "must be an event type like user.created"))
  .max(100);

/** `limit` (1–500, default 10) and `offset` (default 0) of list routes. */
export const pagingQuery = {
  limit: queryInteger({ min: 1, max: 500 }),
  offset: queryInteger({ min: 0 }),
};

/** Applies paging defaults: clients omit falsy values. */
export function pageOf(query: { limit?: number; offset?: number }): {
  limit: number;
  offset: number;
} {
  return { limit: query.limit ?? 10, offset: query.offset ?? 0 };
}
