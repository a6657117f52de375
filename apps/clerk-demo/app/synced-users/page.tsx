import { listSyncedUsers } from "@/lib/synced-users";

export const metadata = { title: "Synced users" };
// Read at request time: the list changes with every event.
export const dynamic = "force-dynamic";

// Users as this app knows them: written only by webhooks (app/api/webhooks).
export default function SyncedUsersPage() {
  const users = listSyncedUsers();
  return (
    <section aria-labelledby="synced-title">
      <h1 id="synced-title">Synced users</h1>
      {users.length === 0 ? (
        <p>No users synced yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Last event</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.deleted ? "deleted" : undefined}>
                <td>{user.email ?? "—"}</td>
                <td>{user.name ?? "—"}</td>
                <td>{user.lastEvent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
