import type { UserRecord } from "../../../store/store.js";
import { isUserLocked } from "../../../wire/user-json.js";
import { formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import {
  USER_LIST_ORDERS,
  USERS_PER_PAGE,
  type UserListParams,
  userListHref,
} from "./user-list-params.js";

/** A user's name for lists: full name, else username, else primary email, else id. */
export function userDisplayName(user: UserRecord): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return name !== "" ? name : (user.username ?? primaryEmail(user) ?? user.id);
}

/** The user's primary email address, if any. */
export function primaryEmail(user: UserRecord): string | null {
  return (
    user.emailAddresses.find((email) => email.id === user.primaryEmailAddressId)?.emailAddress ??
    null
  );
}

/** Badges for a user's state: banned, locked. */
export function UserBadges(props: { user: UserRecord; now: number }) {
  return (
    <>
      {props.user.banned ? <span class="badge danger">Banned</span> : null}
      {isUserLocked(props.user, props.now) ? <span class="badge warning">Locked</span> : null}
    </>
  );
}

/** The users list: search, filter, order, a page of users, and paging links. */
export function UsersListPage(props: {
  params: UserListParams;
  users: UserRecord[];
  total: number;
  now: number;
}) {
  const { params, users, total } = props;
  const first = total === 0 ? 0 : (params.page - 1) * USERS_PER_PAGE + 1;
  const last = Math.min(total, params.page * USERS_PER_PAGE);
  const base = `${CONSOLE_PATH}/users`;
  return (
    <>
      <div class="page-head">
        <h1>Users</h1>
        <a class="button primary" href={`${base}/new`}>
          Create user
        </a>
      </div>
      <form method="get" action={base} class="toolbar" aria-label="Search users">
        <div class="field">
          <label for="q">Search</label>
          <input
            id="q"
            name="q"
            type="search"
            value={params.query}
            placeholder="Email, name, username, user id or external id"
          />
        </div>
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            {(["all", "active", "banned", "locked"] as const).map((status) => (
              <option value={status} selected={params.status === status}>
                {status === "all" ? "All" : status[0]?.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="order">Sort</label>
          <select id="order" name="order">
            {Object.entries(USER_LIST_ORDERS).map(([key, order]) => (
              <option value={key} selected={params.order === key}>
                {order.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button secondary">
          Apply
        </button>
      </form>
      <p class="muted" aria-live="polite">
        {total === 0
          ? "No users match."
          : `Showing ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      {users.length > 0 ? (
        <table class="data">
          <caption class="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">User id</th>
              <th scope="col">Created</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td>
                  <a href={`${base}/${encodeURIComponent(user.id)}`}>{userDisplayName(user)}</a>
                </td>
                <td>{primaryEmail(user) ?? "—"}</td>
                <td>
                  <code>{user.id}</code>
                </td>
                <td>{formatTime(user.createdAt)}</td>
                <td>{formatTime(user.lastSignInAt)}</td>
                <td>
                  <UserBadges user={user} now={props.now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav aria-label="Pages" class="pager">
        {params.page > 1 ? (
          <a href={`${base}${userListHref(params, { page: params.page - 1 })}`} rel="prev">
            ← Previous
          </a>
        ) : null}
        {last < total ? (
          <a href={`${base}${userListHref(params, { page: params.page + 1 })}`} rel="next">
            Next →
          </a>
        ) : null}
      </nav>
    </>
  );
}
