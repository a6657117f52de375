import { SyncedUsersTable } from "@/components/synced-users-table";
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
      <SyncedUsersTable users={users} />
    </section>
  );
}
