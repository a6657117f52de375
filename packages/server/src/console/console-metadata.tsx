/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import { recordConsoleChange } from "./console-action.js";
import { describeApiErrors } from "./console-api.js";
import type { ConsoleEnv } from "./console-env.js";
import { setFlash } from "./console-flash.js";
import { formText, parseJsonObjectFields } from "./console-form.js";
import { CsrfField } from "./console-page.js";

/** A metadata field edited as JSON: the Backend API's field name and its label. */
export interface MetadataFieldSpec {
  name: string;
  label: string;
}

/** The metadata fields as typed in the form, and the error they met, when re-shown. */
export interface MetadataDraft {
  values: Record<string, string>;
  error: string;
}

/**
 * The metadata card of a page (user, organization): one JSON textarea per field, checked as you
 * type by the console script, the saved values or the refused draft with its error.
 */
export function MetadataCard(props: {
  action: string;
  csrfToken: string;
  fields: readonly MetadataFieldSpec[];
  saved: Record<string, unknown>;
  draft: MetadataDraft | null;
}) {
  const { draft } = props;
  return (
    <section aria-labelledby="metadata-heading" class="card">
      <h2 id="metadata-heading">Metadata</h2>
      {draft !== null ? (
        <p class="flash error" role="alert" id="metadata-error">
          {draft.error}
        </p>
      ) : null}
      <form method="post" action={props.action} class="stack" data-json-form>
        <CsrfField token={props.csrfToken} />
        {props.fields.map((field) => (
          <>
            <label for={field.name}>{field.label}</label>
            <textarea
              id={field.name}
              name={field.name}
              rows={6}
              spellcheck={false}
              data-json
              aria-describedby={draft !== null ? "metadata-error" : undefined}
            >
              {draft !== null
                ? (draft.values[field.name] ?? "")
                : JSON.stringify(props.saved[field.name] ?? {}, null, 2)}
            </textarea>
          </>
        ))}
        <button type="submit" class="button primary">
          Save metadata
        </button>
      </form>
    </section>
  );
}

/**
 * Saves a metadata form through the Backend API (`PUT <path>` with the fields as JSON objects):
 * text that is not a JSON object, or the API's refusal, re-shows the form with what was typed
 * (`reshow`); success is recorded in the audit log and redirects with a message.
 *
 * @example
 * return saveConsoleMetadata(c, { fields, path: `/v1/users/${id}/metadata`, action: "user.metadata_replace", targetId: id, redirectTo: back, reshow });
 */
export async function saveConsoleMetadata(
  c: Context<ConsoleEnv>,
  change: {
    fields: readonly MetadataFieldSpec[];
    path: string;
    action: string;
    targetId: string;
    redirectTo: string;
    reshow: (draft: MetadataDraft) => Promise<Response>;
  },
): Promise<Response> {
  const form = await c.req.parseBody();
  const names = change.fields.map((field) => field.name);
  const draft = (error: string): MetadataDraft => ({
    values: Object.fromEntries(names.map((name) => [name, formText(form, name)])),
    error,
  });
  const parsed = parseJsonObjectFields(form, names);
  if (!parsed.ok) return change.reshow(draft(parsed.error));
  const result = await c.get("api")("PUT", change.path, parsed.body);
  if (!result.ok) return change.reshow(draft(describeApiErrors(result.errors)));
  await recordConsoleChange(c, change.action, change.targetId, { fields: names });
  setFlash(c, { kind: "success", text: "Metadata saved." });
  return c.redirect(change.redirectTo, 303);
}
