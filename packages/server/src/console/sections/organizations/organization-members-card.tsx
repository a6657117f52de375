/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ActionForm, CsrfField, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";
import { type RoleChoice, RoleSelect } from "./organization-role-choices.js";
import { type ConsoleMembershipJson, memberDisplayName } from "./organization-wire.js";

/** The role new members and invitations get unless another is chosen. */
export function defaultRoleOf(roles: readonly RoleChoice[]): string | undefined {
  return roles.find((role) => role.key === "org:member")?.key ?? roles[0]?.key;
}

/** An organization's members with their roles: change a role, remove a member, add one. */
export function OrganizationMembersCard(props: {
  base: string;
  csrfToken: string;
  members: ConsoleMembershipJson[];
  total: number;
  roles: readonly RoleChoice[];
}) {
  const { base, csrfToken } = props;
  return (
    <section aria-labelledby="members-heading" class="card">
      <h2 id="members-heading">Members</h2>
      {props.members.length === 0 ? (
        <p>No members.</p>
      ) : (
        <DataTable
          caption="Members and their roles"
          columns={["Member", "User id", "Joined", "Role", null]}
        >
          {props.members.map((member) => {
            const userId = member.public_user_data.user_id;
            const memberBase = `${base}/members/${encodeURIComponent(userId)}`;
            return (
              <tr>
                <th scope="row">
                  <a href={`${CONSOLE_PATH}/users/${encodeURIComponent(userId)}`}>
                    {memberDisplayName(member)}
                  </a>
                </th>
                <td>
                  <code>{userId}</code>
                </td>
                <td>{formatTime(member.created_at)}</td>
                <td>
                  <form method="post" action={`${memberBase}/role`} class="inline-form">
                    <CsrfField token={csrfToken} />
                    <RoleSelect
                      id={`role-${member.id}`}
                      label={`Role of ${memberDisplayName(member)}`}
                      roles={props.roles}
                      selected={member.role}
                      hideLabel
                    />{" "}
                    <button type="submit" class="button secondary">
                      Change role
                    </button>
                  </form>
                </td>
                <td>
                  <ActionForm
                    action={`${memberBase}/remove`}
                    csrfToken={csrfToken}
                    label="Remove"
                    confirm={`Remove ${memberDisplayName(member)} from this organization?`}
                    danger
                  />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {props.total > props.members.length ? (
        <p class="muted">
          Showing the {props.members.length} newest of {props.total} members.
        </p>
      ) : null}
      <h3 id="add-member-heading">Add a member</h3>
      <form
        method="post"
        action={`${base}/members`}
        class="stack"
        aria-labelledby="add-member-heading"
      >
        <CsrfField token={csrfToken} />
        <label for="member-user-id">User id</label>
        <input id="member-user-id" name="user_id" type="text" autocomplete="off" required />
        <RoleSelect
          id="member-role"
          label="Role"
          roles={props.roles}
          selected={defaultRoleOf(props.roles)}
        />
        <button type="submit" class="button primary">
          Add member
        </button>
      </form>
    </section>
  );
}
