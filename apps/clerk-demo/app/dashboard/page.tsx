import { auth, currentUser } from "@clerk/nextjs/server";

export const metadata = { title: "Dashboard" };

// A protected server component: `proxy.ts` sends signed-out visitors away; `redirectToSignIn()`
// is the second line of defence.
export default async function DashboardPage() {
  const { userId, sessionId, orgId, orgSlug, orgRole, redirectToSignIn } = await auth();
  if (!userId) return redirectToSignIn();
  const user = await currentUser();
  const email = user?.primaryEmailAddress?.emailAddress ?? "—";

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <p>Hello {user?.fullName || email}. This page is rendered on the server for you only.</p>
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="user-name">{user?.fullName || "—"}</dd>
        <dt>Email</dt>
        <dd data-testid="user-email">{email}</dd>
        <dt>User id</dt>
        <dd data-testid="user-id">
          <code>{userId}</code>
        </dd>
        <dt>Session id</dt>
        <dd data-testid="session-id">
          <code>{sessionId}</code>
        </dd>
        <dt>Active organization</dt>
        <dd data-testid="active-org">
          {orgId ? `${orgSlug} (${orgRole})` : "none (personal account)"}
        </dd>
      </dl>
      <h2>Try the API routes</h2>
      <ul>
        <li>
          <a href="/api/userinfo">/api/userinfo</a> — <code>getAuth(req)</code>
        </li>
        <li>
          <a href="/api/token">/api/token</a> — the claims of a <code>demo-backend</code> template
          token
        </li>
      </ul>
    </section>
  );
}
