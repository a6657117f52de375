import type { Row } from "../database.js";
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

/** The rows of a JSON array column (drivers hand `json` over parsed, or as text). */
export function jsonRows(value: unknown): Row[] {
  const rows = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(rows) ? (rows as Row[]) : [];
}

/** A row given as one JSON object column (`to_json(t)`); null for SQL NULL. */
export function jsonRow(value: unknown): Row | null {
  const row = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return typeof row === "object" && row !== null && !Array.isArray(row) ? (row as Row) : null;
}
