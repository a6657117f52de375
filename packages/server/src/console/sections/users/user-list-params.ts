import type { UserFilter, UserOrderField, UserPage } from "../../../store/store.js";

/** Users per page of the console's list. */
export const USERS_PER_PAGE = 50;

/** The orders the list offers, each served by an index (migration 0017), so any page is quick. */
export const USER_LIST_ORDERS = {
  "-created_at": { label: "Newest first", field: "created_at", direction: "desc" },
  "+created_at": { label: "Oldest first", field: "created_at", direction: "asc" },
  "-last_sign_in_at": { label: "Recently signed in", field: "last_sign_in_at", direction: "desc" },
  "+last_name": { label: "Last name (A–Z)", field: "last_name", direction: "asc" },
} as const satisfies Record<
  string,
  { label: string; field: UserOrderField; direction: "asc" | "desc" }
>;

export type UserListOrder = keyof typeof USER_LIST_ORDERS;

/** The list's state, as its query string carries it. */
export interface UserListParams {
  /** Search text: email, name, username, user id or external id (substring, any case). */
  query: string;
  status: "all" | "banned" | "locked" | "active";
  order: UserListOrder;
  /** 1-based page number. */
  page: number;
}

const STATUSES = ["all", "banned", "locked", "active"] as const;

/** Reads the list's query string; anything unknown falls back to the default. */
export function readUserListParams(query: (name: string) => string | undefined): UserListParams {
  const status = query("status");
  const order = query("order");
  const page = Number.parseInt(query("page") ?? "1", 10);
  return {
    query: (query("q") ?? "").trim().slice(0, 200),
    status: STATUSES.find((s) => s === status) ?? "all",
    order:
      order !== undefined && order in USER_LIST_ORDERS ? (order as UserListOrder) : "-created_at",
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The query string of a list state (defaults left out). */
export function userListHref(params: UserListParams, change: Partial<UserListParams> = {}): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.query !== "") search.set("q", next.query);
  if (next.status !== "all") search.set("status", next.status);
  if (next.order !== "-created_at") search.set("order", next.order);
  if (next.page !== 1) search.set("page", String(next.page));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** The store filter and page of a list state. */
export function userListQuery(
  params: UserListParams,
  now: number,
): { filter: UserFilter; page: UserPage } {
  const filter: UserFilter = {};
  if (params.query !== "") filter.query = params.query;
  if (params.status === "banned") filter.banned = true;
  if (params.status === "locked") filter.locked = { locked: true, now };
  if (params.status === "active") {
    filter.banned = false;
    filter.locked = { locked: false, now };
  }
  const order = USER_LIST_ORDERS[params.order];
  return {
    filter,
    page: {
      limit: USERS_PER_PAGE,
      offset: (params.page - 1) * USERS_PER_PAGE,
      orderBy: { field: order.field, direction: order.direction },
    },
  };
}
