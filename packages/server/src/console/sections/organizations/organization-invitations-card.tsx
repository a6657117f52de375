/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { ActionForm, formatTime } from "../../console-page.js";
import { ListCard } from "../../console-table.js";
import { AddWithRoleForm } from "./add-with-role-form.js";
import type { OrganizationCardProps } from "./organization-role-choices.js";
import type { ConsoleInvitationJson } from "./organization-wire.js";

const STATUS_BADGES = {
  pending: "badge warning",
  accepted: "badge success",
  revoked: "badge danger",
  expired: "badge",
} as const;

/** An organization's invitations with their status: revoke a pending one, send one. */
export function OrganizationInvitationsCard(
  props: OrganizationCardProps & { invitations: ConsoleInvitationJson[] },
) {
  const { base, csrfToken } = props;
  return (
    <ListCard
      id="invitations"
      title="Invitations"
      empty="No invitations."
      caption="Invitations and their status"
      columns={["Email address", "Role", "Status", "Sent", "Expires", null]}
      rows={props.invitations.map((invitation) => (
        <tr>
          <th scope="row">{invitation.email_address}</th>
          <td>
            <code>{invitation.role}</code>
          </td>
          <td>
            <span class={STATUS_BADGES[invitation.status] ?? "badge"}>{invitation.status}</span>
          </td>
          <td>{formatTime(invitation.created_at)}</td>
          <td>{formatTime(invitation.expires_at)}</td>
          <td>
            {invitation.status === "pending" ? (
              <ActionForm
                action={`${base}/invitations/${encodeURIComponent(invitation.id)}/revoke`}
                csrfToken={csrfToken}
                label="Revoke"
                confirm={`Revoke the invitation of ${invitation.email_address}?`}
              />
            ) : null}
          </td>
        </tr>
      ))}
    >
      <AddWithRoleForm
        id="invitation"
        heading="Send an invitation"
        action={`${base}/invitations`}
        csrfToken={csrfToken}
        who={{
          id: "invitation-email",
          name: "email_address",
          label: "Email address",
          type: "email",
        }}
        roles={props.roles}
        submit="Send invitation"
      />
    </ListCard>
  );
}
