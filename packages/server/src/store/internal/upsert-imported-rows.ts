import type { Queryable, Row } from "../database.js";
import type { ImportedRecordOutcome } from "../resource-import-store.js";

/** JSON with object keys sorted, so that equal jsonb values compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/** One imported row: its id and its columns' values (jsonb columns as objects). */
export interface ImportedRow {
  id: string;
  values: Record<string, unknown>;
}

/**
 * Inserts the rows whose id is new and updates those whose columns differ, in the caller's
 * transaction (existing rows locked first); `updated_at` is set to `now` on both. Column names
 * come from the store's code, never from input.
 *
 * @example
 * await upsertImportedRows(tx, { table: "organizations", rows, jsonColumns: ["public_metadata"], now });
 */
export async function upsertImportedRows(
  tx: Queryable,
  options: {
    table: string;
    rows: readonly ImportedRow[];
    jsonColumns: readonly string[];
    now: number;
  },
): Promise<ImportedRecordOutcome[]> {
  const { table, rows, now } = options;
  const json = new Set(options.jsonColumns);
  const existing = new Map<string, Row>(
    (
      await tx.query(`SELECT * FROM ${table} WHERE id = ANY($1::text[]) FOR UPDATE`, [
        rows.map((r) => r.id),
      ])
    ).map((row) => [String(row.id), row]),
  );
  const outcomes: ImportedRecordOutcome[] = [];
  for (const { id, values } of rows) {
    const columns = Object.keys(values);
    const params = columns.map((c) => (json.has(c) ? JSON.stringify(values[c]) : values[c]));
    const placeholder = (c: string, i: number) => `$${i + 2}${json.has(c) ? "::jsonb" : ""}`;
    const stored = existing.get(id);
    if (stored === undefined) {
      await tx.query(
        `INSERT INTO ${table} (id, ${columns.join(", ")}, updated_at)
         VALUES ($1, ${columns.map(placeholder).join(", ")}, $${columns.length + 2})`,
        [id, ...params, now],
      );
      outcomes.push({ id, outcome: "created" });
      continue;
    }
    const same = columns.every((c) =>
      json.has(c) ? canonicalJson(stored[c]) === canonicalJson(values[c]) : stored[c] === values[c],
    );
    if (same) {
      outcomes.push({ id, outcome: "unchanged" });
      continue;
    }
    await tx.query(
      `UPDATE ${table} SET ${columns.map((c, i) => `${c} = ${placeholder(c, i)}`).join(", ")},
         updated_at = $${columns.length + 2}
       WHERE id = $1`,
      [id, ...params, now],
    );
    outcomes.push({ id, outcome: "updated" });
  }
  return outcomes;
}
