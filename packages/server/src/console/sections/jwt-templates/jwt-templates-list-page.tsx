/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { JwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";

/** The JWT templates, oldest first, each linking to its edit page. */
export function JwtTemplatesListPage(props: {
  templates: JwtTemplateJson[];
  error: string | null;
}) {
  const base = `${CONSOLE_PATH}/jwt-templates`;
  return (
    <>
      <div class="page-head">
        <h1>JWT templates</h1>
        <a class="button primary" href={`${base}/new`}>
          Create template
        </a>
      </div>
      {props.error !== null ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.templates.length === 0 ? (
        <p>No JWT templates yet.</p>
      ) : (
        <DataTable
          caption="JWT templates"
          columns={["Name", "Template id", "Lifetime", "Clock skew", "Signing", "Updated"]}
        >
          {props.templates.map((template) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${encodeURIComponent(template.id)}`}>{template.name}</a>
              </th>
              <td>
                <code>{template.id}</code>
              </td>
              <td>{template.lifetime} s</td>
              <td>{template.allowed_clock_skew} s</td>
              <td>
                {template.custom_signing_key
                  ? `Own key (${template.signing_algorithm})`
                  : "Instance key (RS256)"}
              </td>
              <td>{formatTime(template.updated_at)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
