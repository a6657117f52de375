// The signed-in user's organization memberships (from the Backend API), the active one marked.

/** What the list reads of a membership. */
export interface MembershipFacts {
  id: string;
  role: string;
  organization: { id: string; name: string; slug: string | null };
}

export function MembershipList(props: {
  memberships: MembershipFacts[];
  activeOrganizationId: string | null | undefined;
}) {
  return (
    <>
      <h2>Your memberships</h2>
      {props.memberships.length === 0 ? (
        <p>You are not a member of any organization yet.</p>
      ) : (
        <ul data-testid="memberships">
          {props.memberships.map((m) => (
            <li key={m.id}>
              {m.organization.name} (<code>{m.organization.slug}</code>) — {m.role}
              {m.organization.id === props.activeOrganizationId ? " — active" : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
