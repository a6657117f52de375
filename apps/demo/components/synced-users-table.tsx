import type { SyncedUser } from "../lib/synced-user";

// The users an app received by webhook, most recent event first. On a phone the rows turn into
// cards (globals.css, `table.cards`), each value beside its column's name: no sideways scrolling.
export function SyncedUsersTable({ users }: { users: SyncedUser[] }) {
  if (users.length === 0) return <p>No users synced yet.</p>;
  return (
    <table className="cards">
      <caption className="visually-hidden">Users received by webhook</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">User id</th>
          <th scope="col">Last event</th>
          <th scope="col">At</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} className={user.deleted ? "deleted" : undefined}>
            <td data-label="Email">{user.email ?? "—"}</td>
            <td data-label="Name">{user.name ?? "—"}</td>
            <td data-label="User id">
              <code>{user.id}</code>
            </td>
            <td data-label="Last event">{user.lastEvent}</td>
            <td data-label="At">
              <time dateTime={new Date(user.eventAt).toISOString()}>
                {new Date(user.eventAt).toLocaleString("en")}
              </time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
