import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import type { IncludeExclude } from "../../../store/organization-store.js";
import { queryInteger } from "../../query-params.js";

/** `limit` (1–500, default 10 once applied with {@link paging}). */
export const limitParam = () => queryInteger({ min: 1, max: 500 });
/** `offset` (≥ 0, default 0 once applied with {@link paging}). */
export const offsetParam = () => queryInteger({ min: 0 });

/** Applies the defaults clients rely on (they omit `offset=0`). */
export function paging(query: { limit?: number | undefined; offset?: number | undefined }): {
  limit: number;
  offset: number;
} {
  return { limit: query.limit ?? 10, offset: query.offset ?? 0 };
}

/**
 * Parses `order_by` (`created_at`, `+name`, `-members_count`; no sign means ascending). A `+`
 * sent unencoded arrives as a space and is read as `+`.
 *
 * @throws ApiError `form_param_value_invalid` (`order_by`) for an unknown field.
 * @example
 * orderByParam("-created_at", ["created_at", "name"], "-created_at"); // { field: "created_at", direction: "desc" }
 */
export function orderByParam<Field extends string>(
  value: string | undefined,
  fields: readonly Field[],
  fallback: `${"+" | "-"}${Field}`,
): { field: Field; direction: "asc" | "desc" } {
  const text = (value ?? fallback).replace(/^ /, "+");
  const direction = text.startsWith("-") ? "desc" : "asc";
  const field = text.replace(/^[+-]/, "");
  if (!(fields as readonly string[]).includes(field)) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "order_by",
      longMessage: `order_by must be one of ${fields.join(", ")}, optionally prefixed with + or -.`,
    });
  }
  return { field: field as Field, direction };
}

/** `+id` / `-id` / `id` values → include and exclude lists; undefined when none were given. */
export function includeExclude(values: readonly string[] | undefined): IncludeExclude | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const result: IncludeExclude = { include: [], exclude: [] };
  for (const raw of values) {
    const value = raw.replace(/^ /, "+");
    if (value.startsWith("-")) result.exclude.push(value.slice(1));
    else result.include.push(value.replace(/^\+/, ""));
  }
  return result;
}

/** Metadata in a request body: a JSON object. */
export const metadataSchema = () => z.record(z.string(), z.unknown());

/** A plausible email address (one `@`, a dot in the domain, no spaces). */
export const emailAddressSchema = () =>
  z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be a valid email address");

/** Invitation statuses accepted by `status` filters. */
export const invitationStatusSchema = () =>
  z.enum(["pending", "accepted", "revoked", "expired"] as const);
