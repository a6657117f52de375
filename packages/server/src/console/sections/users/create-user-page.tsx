/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CsrfField } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";

/** The fields of the create-user form. */
export const NEW_USER_FIELDS = [
  { name: "email_address", label: "Email address", type: "email", autocomplete: "off" },
  { name: "username", label: "Username", type: "text", autocomplete: "off" },
  { name: "first_name", label: "First name", type: "text", autocomplete: "off" },
  { name: "last_name", label: "Last name", type: "text", autocomplete: "off" },
  { name: "external_id", label: "External id", type: "text", autocomplete: "off" },
  { name: "password", label: "Password", type: "password", autocomplete: "new-password" },
] as const;

export type NewUserForm = Record<(typeof NEW_USER_FIELDS)[number]["name"], string>;

/** The `POST /v1/users` body of a filled form (empty fields left out). */
export function newUserBody(form: NewUserForm): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const { name } of NEW_USER_FIELDS) {
    const value = name === "password" ? form[name] : form[name].trim();
    if (value === "") continue;
    body[name] = name === "email_address" ? [value] : value;
  }
  return body;
}

/** The create-user form, with what was typed and the API's refusal when re-shown. */
export function CreateUserPage(props: {
  csrfToken: string;
  form: NewUserForm;
  error: string | null;
}) {
  return (
    <>
      <p>
        <a href={`${CONSOLE_PATH}/users`}>← All users</a>
      </p>
      <h1>Create user</h1>
      {props.error !== null ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={`${CONSOLE_PATH}/users/new`} class="stack card">
        <CsrfField token={props.csrfToken} />
        {NEW_USER_FIELDS.map((field) => (
          <>
            <label for={field.name}>{field.label}</label>
            <input
              id={field.name}
              name={field.name}
              type={field.type}
              autocomplete={field.autocomplete}
              value={field.type === "password" ? "" : props.form[field.name]}
            />
          </>
        ))}
        <button type="submit" class="button primary">
          Create user
        </button>
      </form>
    </>
  );
}
