// The dashboard's content, given what `auth()` and `currentUser()` said: a list of facts about
// the signed-in user and session, and links to the API routes that read them in other ways.

/** What the dashboard reads of a signed-in `await auth()`. */
export interface SignedInFacts {
  userId: string;
  sessionId: string | null;
  orgId?: string | null | undefined;
  orgSlug?: string | null | undefined;
  orgRole?: string | null | undefined;
}

/** What the dashboard reads of `await currentUser()`. */
export interface UserFacts {
  fullName: string | null;
  primaryEmailAddress: { emailAddress: string } | null;
}

export function DashboardView({ auth, user }: { auth: SignedInFacts; user: UserFacts | null }) {
  const { userId, sessionId, orgId, orgSlug, orgRole } = auth;
  const name = user?.fullName;
  const email = user?.primaryEmailAddress?.emailAddress;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <p>Hello {name || email || "—"}. This page is rendered on the server for you only.</p>
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="user-name">{name || "—"}</dd>
        <dt>Email</dt>
        <dd data-testid="user-email">{email || "—"}</dd>
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
          {orgId ? (
            <>
              {orgSlug} <code>{orgId}</code> ({orgRole})
            </>
          ) : (
            "none (personal account)"
          )}
        </dd>
      </dl>
      <h2>Try the API routes</h2>
      <ul>
        <li>
          <a href="/api/userinfo">/api/userinfo</a> — <code>getAuth(req)</code>: cookie or Bearer
          token
        </li>
        <li>
          <a href="/api/token">/api/token</a> — a <code>demo-backend</code> template token's claims
        </li>
      </ul>
    </section>
  );
}
