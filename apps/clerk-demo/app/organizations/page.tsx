import { OrganizationSwitcher } from "@clerk/nextjs";
import { auth, clerkClient } from "@clerk/nextjs/server";
import Link from "next/link";
import { MembershipList } from "../../../demo/components/membership-list";

export const metadata = { title: "Organizations" };

// The active organization comes from the session token (`auth()`); the memberships from the
// Backend API (`clerkClient`). Switching and creating are Clerk's components.
export default async function OrganizationsPage() {
  const { userId, orgId, orgSlug, orgRole, has, redirectToSignIn } = await auth();
  if (!userId) return redirectToSignIn();
  const client = await clerkClient();
  const memberships = await client.users.getOrganizationMembershipList({ userId });
  const isAdmin = has({ role: "org:admin" });

  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">Organizations</h1>
      <h2>Active organization</h2>
      <p data-testid="active-org">
        {orgId ? (
          <>
            <code>{orgSlug}</code>, your role: <code>{orgRole}</code>
          </>
        ) : (
          "None: you are using your personal account."
        )}
      </p>
      <OrganizationSwitcher
        afterCreateOrganizationUrl="/organizations"
        afterSelectOrganizationUrl="/organizations"
        afterSelectPersonalUrl="/organizations"
      />

      <MembershipList memberships={memberships.data} activeOrganizationId={orgId} />
      <p>
        <Link href="/create-organization" className="button">
          Create an organization
        </Link>
      </p>
      <p data-testid="admin-gate">
        {isAdmin
          ? "You are an admin of the active organization."
          : "Admin-only content appears here for admins of the active organization."}
      </p>
    </section>
  );
}
