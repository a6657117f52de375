/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { ListHead, ListSummary, Pager, pageRange } from "../../console-list.js";
import { formatTime } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import { DataTable } from "../../console-table.js";
import type { ConsoleOrganizationJson } from "./organization-wire.js";

/** Organizations per page of the console's list. */
export const ORGANIZATIONS_PER_PAGE = 25;

/** The list's state, as its query string carries it. */
export interface OrganizationListParams {
  /** Search text: name, slug or id, as `GET /v1/organizations?query=` matches it. */
  query: string;
  /** 1-based page number. */
  page: number;
}

/** Reads the list's query string; anything unusable falls back to the default. */
export function readOrganizationListParams(
  query: (name: string) => string | undefined,
): OrganizationListParams {
  const page = Number.parseInt(query("page") ?? "1", 10);
  return {
    query: (query("q") ?? "").trim().slice(0, 200),
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The Backend API path that lists a state's page (with member counts). */
export function organizationListApiPath(params: OrganizationListParams): string {
  const search = new URLSearchParams({
    limit: String(ORGANIZATIONS_PER_PAGE),
    offset: String((params.page - 1) * ORGANIZATIONS_PER_PAGE),
    include_members_count: "true",
  });
  if (params.query !== "") search.set("query", params.query);
  return `/v1/organizations?${search}`;
}

function listHref(params: OrganizationListParams, page: number): string {
  const search = new URLSearchParams();
  if (params.query !== "") search.set("q", params.query);
  if (page !== 1) search.set("page", String(page));
  const text = search.toString();
  return `${CONSOLE_PATH}/organizations${text === "" ? "" : `?${text}`}`;
}

/** The organizations list: search, a page of organizations, paging links. */
export function OrganizationsListPage(props: {
  params: OrganizationListParams;
  organizations: ConsoleOrganizationJson[];
  total: number;
  error: string | null;
}) {
  const { params, organizations, total } = props;
  const { first, last } = pageRange(params.page, ORGANIZATIONS_PER_PAGE, total);
  const base = `${CONSOLE_PATH}/organizations`;
  return (
    <>
      <ListHead
        title="Organizations"
        action={base}
        create={{ href: `${base}/new`, label: "Create organization" }}
        query={params.query}
        placeholder="Name, slug or organization id"
        submitLabel="Search"
      />
      {props.error !== null ? (
        <p class="flash error" role="alert">
          {props.error}
        </p>
      ) : null}
      <ListSummary first={first} last={last} total={total} noun="organizations" />
      {organizations.length > 0 ? (
        <DataTable
          caption="Organizations"
          columns={["Name", "Slug", "Organization id", "Members", "Pending invitations", "Created"]}
        >
          {organizations.map((org) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${encodeURIComponent(org.id)}`}>{org.name}</a>
              </th>
              <td>{org.slug ?? "—"}</td>
              <td>
                <code>{org.id}</code>
              </td>
              <td>{org.members_count ?? "—"}</td>
              <td>{org.pending_invitations_count ?? "—"}</td>
              <td>{formatTime(org.created_at)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <Pager
        previous={params.page > 1 ? listHref(params, params.page - 1) : null}
        next={last < total ? listHref(params, params.page + 1) : null}
      />
    </>
  );
}
