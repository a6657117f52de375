/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { SessionJson } from "../../../wire/session-json.js";
import type { UserJson } from "../../../wire/user-json.js";
import { Field } from "../../console-field.js";
import { MetadataCard, type MetadataDraft } from "../../console-metadata.js";
import { ActionForm, CsrfField, formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { ListCard } from "../../console-table.js";
import { userDeletion } from "./user-deletion.js";

/** A membership as `GET /v1/users/{id}/organization_memberships` lists it (the fields shown). */
export interface UserMembershipJson {
  id: string;
  role: string;
  organization: { id: string; name: string; slug: string | null };
}

/** The metadata fields of a user, as the metadata card edits them. */
export const USER_METADATA_FIELDS = [
  { name: "public_metadata", label: "Public metadata (readable by the browser)" },
  { name: "private_metadata", label: "Private metadata (Backend API only)" },
  { name: "unsafe_metadata", label: "Unsafe metadata (writable by the user)" },
] as const;

function Definition(props: { term: string; value: string | number | null | undefined }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>
        {props.value === null || props.value === undefined || props.value === ""
          ? "—"
          : props.value}
      </dd>
    </>
  );
}

/** A user's page: profile, identifications, accounts, sessions, organizations, metadata, actions. */
export function UserPage(props: {
  user: UserJson;
  sessions: SessionJson[];
  memberships: UserMembershipJson[];
  csrfToken: string;
  draft: MetadataDraft | null;
}) {
  const { user, csrfToken } = props;
  const base = `${CONSOLE_PATH}/users/${encodeURIComponent(user.id)}`;
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return (
    <>
      <p>
        <a href={`${CONSOLE_PATH}/users`}>← All users</a>
      </p>
      <div class="page-head">
        <h1>{name !== "" ? name : (user.username ?? user.id)}</h1>
        <div>
          {user.banned ? <span class="badge danger">Banned</span> : null}
          {user.locked ? <span class="badge warning">Locked</span> : null}
        </div>
      </div>
      <section aria-labelledby="profile-heading" class="card">
        <h2 id="profile-heading">Profile</h2>
        <dl class="facts">
          <Definition term="User id" value={user.id} />
          <Definition term="External id" value={user.external_id} />
          <Definition term="Username" value={user.username} />
          <Definition term="Created" value={formatTime(user.created_at)} />
          <Definition term="Last sign-in" value={formatTime(user.last_sign_in_at)} />
          <Definition term="Password" value={user.password_enabled ? "set" : "none"} />
          <Definition term="Two-step (TOTP)" value={user.totp_enabled ? "on" : "off"} />
        </dl>
        <div class="actions">
          {user.banned ? (
            <ActionForm action={`${base}/unban`} csrfToken={csrfToken} label="Unban" />
          ) : (
            <ActionForm
              action={`${base}/ban`}
              csrfToken={csrfToken}
              label="Ban"
              confirm="Ban this user? Their sessions end and they cannot sign in."
              danger
            />
          )}
          {user.locked ? (
            <ActionForm action={`${base}/unlock`} csrfToken={csrfToken} label="Unlock" />
          ) : (
            <ActionForm action={`${base}/lock`} csrfToken={csrfToken} label="Lock" danger />
          )}
        </div>
      </section>

      <section aria-labelledby="emails-heading" class="card">
        <h2 id="emails-heading">Email addresses and phone numbers</h2>
        <ul class="plain">
          {user.email_addresses.map((email) => (
            <li>
              {email.email_address}{" "}
              {email.id === user.primary_email_address_id ? (
                <span class="badge">Primary</span>
              ) : null}{" "}
              <span class="muted">{email.verification?.status ?? "unverified"}</span>
            </li>
          ))}
          {user.phone_numbers.map((phone) => (
            <li>
              {phone.phone_number}{" "}
              {phone.id === user.primary_phone_number_id ? (
                <span class="badge">Primary</span>
              ) : null}{" "}
              <span class="muted">{phone.verification?.status ?? "unverified"}</span>
            </li>
          ))}
          {user.email_addresses.length + user.phone_numbers.length === 0 ? <li>None.</li> : null}
        </ul>
      </section>

      <section aria-labelledby="accounts-heading" class="card">
        <h2 id="accounts-heading">External accounts</h2>
        {user.external_accounts.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul class="plain">
            {user.external_accounts.map((account) => (
              <li>
                {account.provider}: {account.email_address}{" "}
                <span class="muted">({account.provider_user_id})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ListCard
        id="sessions"
        title="Active sessions"
        empty="No active sessions."
        caption="Active sessions"
        columns={["Session", "Started", "Last active", null]}
        rows={props.sessions.map((session) => (
          <tr>
            <td>
              <code>{session.id}</code>
            </td>
            <td>{formatTime(session.created_at)}</td>
            <td>{formatTime(session.last_active_at)}</td>
            <td>
              <ActionForm
                action={`${base}/sessions/${encodeURIComponent(session.id)}/revoke`}
                csrfToken={csrfToken}
                label="Revoke"
              />
            </td>
          </tr>
        ))}
      >
        {props.sessions.length === 0 ? null : (
          <ActionForm
            action={`${base}/sessions/revoke-all`}
            csrfToken={csrfToken}
            label="Revoke all sessions"
            confirm="Sign this user out everywhere?"
            danger
          />
        )}
      </ListCard>

      <section aria-labelledby="orgs-heading" class="card">
        <h2 id="orgs-heading">Organizations</h2>
        {props.memberships.length === 0 ? (
          <p>Not a member of any organization.</p>
        ) : (
          <ul class="plain">
            {props.memberships.map((membership) => (
              <li>
                <a
                  href={`${CONSOLE_PATH}/organizations/${encodeURIComponent(membership.organization.id)}`}
                >
                  {membership.organization.name}
                </a>{" "}
                <span class="muted">{membership.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <MetadataCard
        action={`${base}/metadata`}
        csrfToken={csrfToken}
        fields={USER_METADATA_FIELDS}
        saved={user}
        draft={props.draft}
      />

      <section aria-labelledby="password-heading" class="card">
        <h2 id="password-heading">Reset password</h2>
        <form method="post" action={`${base}/password`} class="stack">
          <CsrfField token={csrfToken} />
          <Field
            id="new-password"
            name="password"
            label="New password"
            type="password"
            autocomplete="new-password"
            required
          />
          <label class="check">
            <input type="checkbox" name="sign_out_of_other_sessions" value="true" checked /> Sign
            the user out of their sessions
          </label>
          <button type="submit" class="button primary">
            Set password
          </button>
        </form>
      </section>

      <userDeletion.Card id={user.id} csrfToken={csrfToken} />
    </>
  );
}
