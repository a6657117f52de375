import { OrganizationSwitcher } from "@latchkey/nextjs/client";
import { auth, clerkClient } from "@latchkey/nextjs/server";
import { MembershipList } from "@/components/membership-list";
import { Notice } from "@/components/notice";
import { CreateOrganizationForm } from "./create-organization-form";
import { InviteMemberForm } from "./invite-member-form";

export const metadata = { title: "Organizations" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganizationsPage({ searchParams }: { searchParams: SearchParams }) {
  const { userId, orgId, orgSlug, orgRole, has, redirectToSignIn } = await auth();
  if (!userId) return redirectToSignIn();
  const client = await clerkClient();
  const memberships = await client.users.getOrganizationMembershipList({ userId });
  const params = await searchParams;
  const nameOf = (id: string) => memberships.data.find((m) => m.organization.id === id);
  const activeOrganization = orgId ? nameOf(orgId)?.organization : undefined;
  const notice = noticeOf(params, (id) => nameOf(id)?.organization.name);
  // `has()` checks the role in the *active* organization (the one in the session token).
  const isAdmin = has({ role: "org:admin" });
  const activeName = activeOrganization?.name ?? orgSlug;

  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">Organizations</h1>
      <Notice text={notice?.text ?? null} error={notice?.error ?? false} />

      <h2>Active organization</h2>
      <p data-testid="active-org">
        {orgId ? (
          <>
            <strong>{activeName}</strong> (<code>{orgSlug}</code>), your role:{" "}
            <code>{orgRole}</code>
          </>
        ) : (
          "None: you are using your personal account."
        )}
      </p>
      <OrganizationSwitcher />

      <MembershipList memberships={memberships.data} activeOrganizationId={orgId} />

      <h2>Create an organization</h2>
      <CreateOrganizationForm activeOrganizationId={orgId ?? null} />

      <section aria-labelledby="admin-title" className="panel">
        <h2 id="admin-title">Admin area</h2>
        {isAdmin ? (
          <>
            <p>
              You are an admin of <strong>{activeName}</strong>: invite people to it.
            </p>
            <InviteMemberForm />
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

/** The message the page shows after a form came back (`?created=`, `?invited=`, `?error=`). */
function noticeOf(
  params: Record<string, string | string[] | undefined>,
  organizationName: (id: string) => string | undefined,
) {
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const created = one("created");
  if (created) {
    const name = organizationName(created);
    return name
      ? { text: `Created “${name}”. It is now your active organization.`, error: false }
      : { text: "Organization created.", error: false };
  }
  const invited = one("invited");
  if (invited) return { text: `Invitation sent to ${invited}.`, error: false };
  if (one("error") === "email") return { text: "Enter a valid email address.", error: true };
  return null;
}
