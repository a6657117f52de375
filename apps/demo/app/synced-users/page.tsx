import { listSyncedUsers } from "@/lib/synced-users";

export const metadata = { title: "Synced users" };

// Users as the demo's own database knows them: written only by webhooks (app/api/webhooks).
export default async function SyncedUsersPage() {
  const users = await listSyncedUsers();
  return (
    <section aria-labelledby="synced-title">
      <h1 id="synced-title">Synced users</h1>
      <p>
        Every <code>user.created</code>, <code>user.updated</code> and <code>user.deleted</code>{" "}
        event the instance sends to <code>/api/webhooks</code> lands in this app's own table. New
        sign-ups appear here a moment after they finish.
      </p>
      {users.length === 0 ? (
        <p>No users synced yet.</p>
      ) : (
        // On a phone the rows turn into cards (globals.css, `table.cards`), each value beside its
        // column's name: no sideways scrolling.
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
      )}
    </section>
  );
}
