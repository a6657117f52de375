/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { UserRecord } from "../../../store/store.js";
import { isUserLocked } from "../../../wire/user-json.js";
import { ListHead, ListSummary, Pager, pageRange } from "../../console-list.js";
import { formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";
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
  const { first, last } = pageRange(params.page, USERS_PER_PAGE, total);
  const base = `${CONSOLE_PATH}/users`;
  return (
    <>
      <ListHead
        title="Users"
        action={base}
        create={{ href: `${base}/new`, label: "Create user" }}
        query={params.query}
        placeholder="Email, name, username, user id or external id"
        submitLabel="Apply"
      >
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
      </ListHead>
      <ListSummary first={first} last={last} total={total} noun="users" />
      {users.length > 0 ? (
        <DataTable
          caption="Users"
          columns={["Name", "Email", "User id", "Created", "Last sign-in", "Status"]}
        >
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
        </DataTable>
      ) : null}
      <Pager
        previous={
          params.page > 1 ? `${base}${userListHref(params, { page: params.page - 1 })}` : null
        }
        next={last < total ? `${base}${userListHref(params, { page: params.page + 1 })}` : null}
      />
    </>
  );
}
