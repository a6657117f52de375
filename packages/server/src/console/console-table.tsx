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
