/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { type ConsoleForm, formText } from "../../console-form.js";
import { CsrfField } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";

/** The create-organization form as typed. */
export interface NewOrganizationForm {
  name: string;
  slug: string;
  created_by: string;
}

/** The form's fields read from a posted body. */
export function readNewOrganizationForm(form: ConsoleForm): NewOrganizationForm {
  return {
    name: formText(form, "name"),
    slug: formText(form, "slug").trim(),
    created_by: formText(form, "created_by").trim(),
  };
}

/** The `POST /v1/organizations` body of a filled form (an empty slug or creator left out). */
export function newOrganizationBody(form: NewOrganizationForm): Record<string, unknown> {
  return {
    name: form.name,
    ...(form.slug === "" ? {} : { slug: form.slug }),
    ...(form.created_by === "" ? {} : { created_by: form.created_by }),
  };
}

/** The create-organization form, with what was typed and the API's refusal when re-shown. */
export function CreateOrganizationPage(props: {
  csrfToken: string;
  form: NewOrganizationForm;
  error: string | null;
}) {
  return (
    <>
      <p>
        <a href={`${CONSOLE_PATH}/organizations`}>← All organizations</a>
      </p>
      <h1>Create organization</h1>
      {props.error !== null ? (
        <p class="flash error" role="alert" id="create-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`${CONSOLE_PATH}/organizations/new`} class="stack card">
        <CsrfField token={props.csrfToken} />
        <label for="name">Name</label>
        <input id="name" name="name" type="text" autocomplete="off" value={props.form.name} />
        <label for="slug">Slug (optional: derived from the name)</label>
        <input id="slug" name="slug" type="text" autocomplete="off" value={props.form.slug} />
        <label for="created_by">Creator user id (optional: becomes an admin)</label>
        <input
          id="created_by"
          name="created_by"
          type="text"
          autocomplete="off"
          value={props.form.created_by}
        />
        <button type="submit" class="button primary">
          Create organization
        </button>
      </form>
    </>
  );
}
