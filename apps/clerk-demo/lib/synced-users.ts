// The app's own copy of its users, kept up to date by webhooks (`app/api/webhooks/route.ts`).
// Kept in memory to stay small: a real app writes it to its database.
import type { WebhookEvent } from "@clerk/nextjs/webhooks";
import type { SyncedUser } from "../../demo/lib/synced-user";

// One table per server process; on `globalThis` so that hot reloads in `next dev` keep it.
const store = globalThis as unknown as { syncedUsers?: Map<string, SyncedUser> };
store.syncedUsers ??= new Map();
const users = store.syncedUsers;

/** Applies a `user.*` event; other events are ignored. */
export function applyUserEvent(event: WebhookEvent): void {
  const eventAt = Date.now();
  if (event.type === "user.created" || event.type === "user.updated") {
    const data = event.data;
    const primary = data.email_addresses.find((a) => a.id === data.primary_email_address_id);
    const name = [data.first_name, data.last_name].filter(Boolean).join(" ");
    users.set(data.id, {
      id: data.id,
      email: primary?.email_address ?? null,
      name: name || null,
      deleted: false,
      lastEvent: event.type,
      eventAt,
    });
  } else if (event.type === "user.deleted" && event.data.id) {
    const known = users.get(event.data.id);
    users.set(event.data.id, {
      id: event.data.id,
      email: known?.email ?? null,
      name: known?.name ?? null,
      deleted: true,
      lastEvent: event.type,
      eventAt,
    });
  }
}

/** The users received so far, newest event first. */
export function listSyncedUsers(): SyncedUser[] {
  return [...users.values()].sort((a, b) => b.eventAt - a.eventAt);
}
