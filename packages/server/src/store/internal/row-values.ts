import type { Metadata } from "../store.js";

/** A nullable column as a number (int8 and numeric columns arrive as strings from some drivers). */
export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A nullable column as a string. */
export const stringOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** A jsonb metadata column; anything but a JSON object reads as `{}`. */
export const metadataOf = (value: unknown): Metadata =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Metadata) : {};

/** Public and private metadata as the parameters of two `::jsonb` columns, in that order. */
export const metadataParams = (row: {
  publicMetadata: Metadata;
  privateMetadata: Metadata;
}): [string, string] => [JSON.stringify(row.publicMetadata), JSON.stringify(row.privateMetadata)];
