/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Field } from "../../console-field.js";
import { CsrfField } from "../../console-page.js";
import { type RoleChoice, RoleSelect } from "./organization-role-choices.js";

/** The role new members and invitations get unless another is chosen. */
export function defaultRoleOf(roles: readonly RoleChoice[]): string | undefined {
  return roles.find((role) => role.key === "org:member")?.key ?? roles[0]?.key;
}

/**
 * A form bringing someone into an organization with a role: a member by user id, an invitation
 * by email address. `id` prefixes its heading and controls.
 *
 * @example
 * <AddWithRoleForm id="invite" heading="Send an invitation" action={`${base}/invitations`} … />
 */
export function AddWithRoleForm(props: {
  id: string;
  heading: string;
  action: string;
  csrfToken: string;
  /** Who: the field's name, label and type. */
  who: { id: string; name: string; label: string; type?: "text" | "email" };
  roles: readonly RoleChoice[];
  submit: string;
}) {
  return (
    <>
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      <form
        method="post"
        action={props.action}
        class="stack"
        aria-labelledby={`${props.id}-heading`}
      >
        <CsrfField token={props.csrfToken} />
        <Field required {...props.who} />
        <RoleSelect
          id={`${props.id}-role`}
          label="Role"
          roles={props.roles}
          selected={defaultRoleOf(props.roles)}
        />
        <button type="submit" class="button primary">
          {props.submit}
        </button>
      </form>
    </>
  );
}
