import type { Hono } from "hono";
import { runConsoleChange } from "../../console-action.js";
import type { ConsoleApi } from "../../console-api.js";
import type { ConsoleEnv } from "../../console-env.js";
import { type ConsoleForm, formText } from "../../console-form.js";
import { organizationPath } from "./organization-page.js";

type Params = Record<string, string>;

/** One change of an organization's page: its console path, audit action and API call. */
interface MemberChange {
  /** Console path under `/organizations/:id`. */
  path: string;
  action: string;
  method: Parameters<ConsoleApi>[0];
  /** Backend API path under `/v1/organizations/{id}`. */
  apiPath: (params: Params) => string;
  /** The request body (also the audit detail, with the path's ids). */
  body: (form: ConsoleForm) => Record<string, string>;
  success: (body: Record<string, string>) => string;
}

const enc = encodeURIComponent;

const MEMBER_CHANGES: readonly MemberChange[] = [
  {
    path: "/members",
    action: "organization_membership.create",
    method: "POST",
    apiPath: () => "/memberships",
    body: (form) => ({ user_id: formText(form, "user_id").trim(), role: formText(form, "role") }),
    success: () => "Member added.",
  },
  {
    path: "/members/:userId/role",
    action: "organization_membership.update",
    method: "PATCH",
    apiPath: (params) => `/memberships/${enc(params.userId ?? "")}`,
    body: (form) => ({ role: formText(form, "role") }),
    success: () => "Role changed.",
  },
  {
    path: "/members/:userId/remove",
    action: "organization_membership.delete",
    method: "DELETE",
    apiPath: (params) => `/memberships/${enc(params.userId ?? "")}`,
    body: () => ({}),
    success: () => "Member removed.",
  },
  {
    path: "/invitations",
    action: "organization_invitation.create",
    method: "POST",
    apiPath: () => "/invitations",
    body: (form) => ({
      email_address: formText(form, "email_address").trim(),
      role: formText(form, "role"),
    }),
    success: (body) => `Invitation created for ${body.email_address}.`,
  },
  {
    path: "/invitations/:invitationId/revoke",
    action: "organization_invitation.revoke",
    method: "POST",
    apiPath: (params) => `/invitations/${enc(params.invitationId ?? "")}/revoke`,
    body: () => ({}),
    success: () => "Invitation revoked.",
  },
];

/**
 * The changes of an organization's members and invitations: add a member, change a role, remove
 * a member, send an invitation, revoke one. Each is one Backend API call, recorded with the actor
 * and the ids it named.
 */
export function mountOrganizationMemberRoutes(app: Hono<ConsoleEnv>): void {
  for (const change of MEMBER_CHANGES) {
    app.post(`/organizations/:id${change.path}`, async (c) => {
      const { id = "", ...ids } = c.req.param() as Params;
      const body = change.body(await c.req.parseBody());
      const hasBody = change.method !== "DELETE";
      return runConsoleChange(c, {
        action: change.action,
        targetId: id,
        detail: {
          ...(ids.userId === undefined ? {} : { user_id: ids.userId }),
          ...(ids.invitationId === undefined ? {} : { invitation_id: ids.invitationId }),
          ...body,
        },
        call: (api) =>
          api(
            change.method,
            `/v1/organizations/${enc(id)}${change.apiPath(ids)}`,
            hasBody ? body : undefined,
          ),
        success: change.success(body),
        redirectTo: organizationPath(id),
      });
    });
  }
}
