import { OrganizationSwitcher } from "@latchkey/nextjs/client";
import { auth, clerkClient } from "@latchkey/nextjs/server";
import { createOrganization, inviteMember } from "./actions";

export const metadata = { title: "Organizations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { userId, orgId, orgSlug, orgRole, has, redirectToSignIn } = await auth();
  if (!userId) return redirectToSignIn();
  const client = await clerkClient();
  const memberships = await client.users.getOrganizationMembershipList({ userId });
  const notice = noticeOf(await searchParams);
  // `has()` checks the role in the *active* organization (the one in the session token).
  const isAdmin = has({ role: "org:admin" });

  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">Organizations</h1>
      {notice && (
        <p role="status" className={notice.error ? "notice error" : "notice"}>
          {notice.text}
        </p>
      )}

      <h2>Active organization</h2>
      <p data-testid="active-org">
        {orgId ? (
          <>
            <strong>{orgSlug}</strong>, your role: <code>{orgRole}</code>
          </>
        ) : (
          "None: you are using your personal account."
        )}
      </p>
      <OrganizationSwitcher />

      <h2>Your memberships</h2>
      {memberships.data.length === 0 ? (
        <p>You are not a member of any organization yet.</p>
      ) : (
        <ul>
          {memberships.data.map((m) => (
            <li key={m.id}>
              {m.organization.name} (<code>{m.organization.slug}</code>) — {m.role}
            </li>
          ))}
        </ul>
      )}

      <h2>Create an organization</h2>
      <form action={createOrganization} className="stack">
        <label htmlFor="org-name">Name</label>
        <input id="org-name" name="name" required maxLength={100} autoComplete="organization" />
        <button type="submit">Create organization</button>
      </form>

      <section aria-labelledby="admin-title" className="panel">
        <h2 id="admin-title">Admin area</h2>
        {isAdmin ? (
          <>
            <p>
              You are an admin of <strong>{orgSlug}</strong>: invite people to it.
            </p>
            <form action={inviteMember} className="stack">
              <label htmlFor="invite-email">Email address</label>
              <input id="invite-email" name="email" type="email" required autoComplete="off" />
              <label htmlFor="invite-role">Role</label>
              <select id="invite-role" name="role" defaultValue="org:member">
                <option value="org:member">Member</option>
                <option value="org:admin">Admin</option>
              </select>
              <button type="submit">Send invitation</button>
            </form>
          </>
        ) : (
          <p data-testid="admin-gate">
            Only admins of the active organization see this section (
            <code>has(&#123; role: "org:admin" &#125;)</code>).
          </p>
        )}
      </section>
    </section>
  );
}

function noticeOf(params: Record<string, string | string[] | undefined>) {
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const created = one("created");
  if (created) return { text: `Created ${created}. Switch to it to manage it.`, error: false };
  const invited = one("invited");
  if (invited) return { text: `Invitation sent to ${invited}.`, error: false };
  if (one("error") === "name") return { text: "Give the organization a name.", error: true };
  if (one("error") === "email") return { text: "Enter a valid email address.", error: true };
  return null;
}
