/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { ActionForm, CsrfField, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { ListCard } from "../../console-table.js";
import { AddWithRoleForm } from "./add-with-role-form.js";
import { type OrganizationCardProps, RoleSelect } from "./organization-role-choices.js";
import { type ConsoleMembershipJson, memberDisplayName } from "./organization-wire.js";

/** An organization's members with their roles: change a role, remove a member, add one. */
export function OrganizationMembersCard(
  props: OrganizationCardProps & { members: ConsoleMembershipJson[]; total: number },
) {
  const { base, csrfToken } = props;
  return (
    <ListCard
      id="members"
      title="Members"
      empty="No members."
      caption="Members and their roles"
      columns={["Member", "User id", "Joined", "Role", null]}
      rows={props.members.map((member) => {
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
    >
      {props.total > props.members.length ? (
        <p class="muted">
          Showing the {props.members.length} newest of {props.total} members.
        </p>
      ) : null}
      <AddWithRoleForm
        id="member"
        heading="Add a member"
        action={`${base}/members`}
        csrfToken={csrfToken}
        who={{ id: "member-user-id", name: "user_id", label: "User id" }}
        roles={props.roles}
        submit="Add member"
      />
    </ListCard>
  );
}
