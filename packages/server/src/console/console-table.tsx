/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";

/**
 * A data table with a caption for screen readers and column headers (`<th scope="col">`); a
 * `null` column is the actions column, named for screen readers only. Rows are the children.
 *
 * @example
 * <DataTable caption="Members" columns={["Member", "Role", null]}>{rows}</DataTable>
 */
export function DataTable(props: {
  caption: string;
  columns: readonly (string | null)[];
  children: Child;
}) {
  return (
    <table class="data">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col">{column ?? <span class="visually-hidden">Actions</span>}</th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/**
 * A card that lists rows in a {@link DataTable}, or says there are none; `children` follow the
 * table (a form to add one, actions on all).
 *
 * @example
 * <ListCard id="members" title="Members" empty="No members." caption="Members" columns={["Member", null]} rows={rows} />
 */
export function ListCard(props: {
  id: string;
  title: Child;
  empty: string;
  caption: string;
  columns: readonly (string | null)[];
  rows: Child[];
  children?: Child;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class="card">
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <DataTable caption={props.caption} columns={props.columns}>
          {props.rows}
        </DataTable>
      )}
      {props.children}
    </section>
  );
}
