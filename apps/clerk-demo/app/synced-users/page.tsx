import { listSyncedUsers } from "@/lib/synced-users";
import { SyncedUsersTable } from "../../../demo/components/synced-users-table";

export const metadata = { title: "Synced users" };
// Read at request time: the list changes with every event.
export const dynamic = "force-dynamic";

// Users as this app knows them: written only by webhooks (app/api/webhooks).
export default function SyncedUsersPage() {
  const users = listSyncedUsers();
  return (
    <section aria-labelledby="synced-title">
      <h1 id="synced-title">Synced users</h1>
      <SyncedUsersTable users={users} />
    </section>
  );
}
