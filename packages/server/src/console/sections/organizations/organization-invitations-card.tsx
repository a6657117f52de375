/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ActionForm, CsrfField, formatTime } from "../../console-page.js";
import { DataTable } from "../../console-table.js";
import { defaultRoleOf } from "./organization-members-card.js";
import { type RoleChoice, RoleSelect } from "./organization-role-choices.js";
import type { ConsoleInvitationJson } from "./organization-wire.js";

const STATUS_BADGES = {
  pending: "badge warning",
  accepted: "badge success",
  revoked: "badge danger",
  expired: "badge",
} as const;

/** An organization's invitations with their status: revoke a pending one, send one. */
export function OrganizationInvitationsCard(props: {
  base: string;
  csrfToken: string;
  invitations: ConsoleInvitationJson[];
  roles: readonly RoleChoice[];
}) {
  const { base, csrfToken } = props;
  return (
    <section aria-labelledby="invitations-heading" class="card">
      <h2 id="invitations-heading">Invitations</h2>
      {props.invitations.length === 0 ? (
        <p>No invitations.</p>
      ) : (
        <DataTable
          caption="Invitations and their status"
          columns={["Email address", "Role", "Status", "Sent", "Expires", null]}
        >
          {props.invitations.map((invitation) => (
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
        </DataTable>
      )}
      <h3 id="invite-heading">Send an invitation</h3>
      <form
        method="post"
        action={`${base}/invitations`}
        class="stack"
        aria-labelledby="invite-heading"
      >
        <CsrfField token={csrfToken} />
        <label for="invitation-email">Email address</label>
        <input
          id="invitation-email"
          name="email_address"
          type="email"
          autocomplete="off"
          required
        />
        <RoleSelect
          id="invitation-role"
          label="Role"
          roles={props.roles}
          selected={defaultRoleOf(props.roles)}
        />
        <button type="submit" class="button primary">
          Send invitation
        </button>
      </form>
    </section>
  );
}
