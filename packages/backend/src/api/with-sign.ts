/**
 * A sortable field name, optionally prefixed with `+` (ascending) or `-` (descending), as the
 * `orderBy` params take it.
 *
 * @example
 * ```ts
 * const order: WithSign<"created_at"> = "-created_at";
 * ```
 */
export type WithSign<T extends string> = T | `+${T}` | `-${T}`;
