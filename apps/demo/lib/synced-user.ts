/** One user as the app knows it from webhook events (a row of `demo.synced_users`). */
export interface SyncedUser {
  id: string;
  email: string | null;
  name: string | null;
  deleted: boolean;
  /** Type of the last event applied, e.g. `user.updated`. */
  lastEvent: string;
  /** Timestamp of that event (epoch milliseconds). */
  eventAt: number;
}
