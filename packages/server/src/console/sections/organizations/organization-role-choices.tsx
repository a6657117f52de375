/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { ConsoleApi } from "../../console-api.js";

/** A role the console offers: its key (`org:admin`) and name. */
export interface RoleChoice {
  key: string;
  name: string;
}

/** Offered when the instance does not list its roles: Clerk's default admin and member. */
/** What an organization page's cards share: where they post, the form token, the roles offered. */
export interface OrganizationCardProps {
  /** The organization's page path. */
  base: string;
  csrfToken: string;
  roles: readonly RoleChoice[];
}

export const DEFAULT_ROLE_CHOICES: readonly RoleChoice[] = [
  { key: "org:admin", name: "Admin" },
  { key: "org:member", name: "Member" },
];

/**
 * The organization roles to offer, from `GET /v1/organization_roles`; the default admin and
 * member roles when that route is missing (404), fails or lists none.
 *
 * @example
 * const roles = await loadRoleChoices(c.get("api"));
 */
export async function loadRoleChoices(api: ConsoleApi): Promise<readonly RoleChoice[]> {
  try {
    const result = await api<{ data?: unknown }>("GET", "/v1/organization_roles?limit=100");
    const listed = result.ok && Array.isArray(result.data?.data) ? result.data.data : [];
    const roles = listed.filter(
      (role): role is RoleChoice => typeof role?.key === "string" && typeof role?.name === "string",
    );
    return roles.length > 0 ? roles.map(({ key, name }) => ({ key, name })) : DEFAULT_ROLE_CHOICES;
  } catch {
    return DEFAULT_ROLE_CHOICES;
  }
}

/** A labelled select of roles; a current role the list lacks is kept as a choice. */
export function RoleSelect(props: {
  id: string;
  label: string;
  roles: readonly RoleChoice[];
  selected?: string;
  hideLabel?: boolean;
}) {
  const { selected } = props;
  const roles =
    selected === undefined || props.roles.some((role) => role.key === selected)
      ? props.roles
      : [...props.roles, { key: selected, name: selected }];
  return (
    <>
      <label for={props.id} class={props.hideLabel ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      <select id={props.id} name="role">
        {roles.map((role) => (
          <option value={role.key} selected={role.key === selected}>
            {role.name} ({role.key})
          </option>
        ))}
      </select>
    </>
  );
}
