/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { recordConsoleChange } from "../../console-action.js";
import { describeApiErrors } from "../../console-api.js";
import type { ConsoleEnv } from "../../console-env.js";
import { setFlash } from "../../console-flash.js";
import { type MetadataDraft, saveConsoleMetadata } from "../../console-metadata.js";
import { renderPage } from "../../console-page.js";
import {
  CreateOrganizationPage,
  newOrganizationBody,
  readNewOrganizationForm,
} from "./create-organization-page.js";
import { organizationDeletion } from "./organization-deletion.js";
import { mountOrganizationMemberRoutes } from "./organization-member-routes.js";
import {
  ORGANIZATION_METADATA_FIELDS,
  OrganizationPage,
  organizationPath,
} from "./organization-page.js";
import { loadRoleChoices } from "./organization-role-choices.js";
import type {
  ConsoleInvitationJson,
  ConsoleMembershipJson,
  ConsoleOrganizationJson,
  ConsolePage,
} from "./organization-wire.js";
import {
  OrganizationsListPage,
  organizationListApiPath,
  readOrganizationListParams,
} from "./organizations-list-page.js";

async function showOrganization(
  c: Context<ConsoleEnv>,
  id: string,
  draft: MetadataDraft | null = null,
): Promise<Response> {
  const api = c.get("api");
  const path = `/v1/organizations/${encodeURIComponent(id)}`;
  const [organization, members, invitations, roles] = await Promise.all([
    api<ConsoleOrganizationJson>("GET", `${path}?include_members_count=true`),
    api<ConsolePage<ConsoleMembershipJson>>("GET", `${path}/memberships?limit=100`),
    api<ConsolePage<ConsoleInvitationJson>>("GET", `${path}/invitations?limit=100`),
    loadRoleChoices(api),
  ]);
  if (!organization.ok) {
    return renderPage(c, {
      title: "Organization not found",
      active: "organizations",
      status: 404,
      body: <h1>No organization {id}</h1>,
    });
  }
  return renderPage(c, {
    title: organization.data.name,
    active: "organizations",
    ...(draft === null ? {} : { status: 422 as const }),
    body: (
      <OrganizationPage
        organization={organization.data}
        members={members.ok ? members.data : { data: [], total_count: 0 }}
        invitations={invitations.ok ? invitations.data.data : []}
        roles={roles}
        csrfToken={c.get("csrfToken")}
        draft={draft}
      />
    ),
  });
}

/**
 * The Organizations section: list with search and paging, create, an organization's page
 * (details, metadata, members, invitations, delete), every change through the Backend API.
 */
export function mountOrganizationsSection(app: Hono<ConsoleEnv>): void {
  app.get("/organizations", async (c) => {
    const params = readOrganizationListParams((name) => c.req.query(name));
    const list = await c.get("api")<ConsolePage<ConsoleOrganizationJson>>(
      "GET",
      organizationListApiPath(params),
    );
    return renderPage(c, {
      title: "Organizations",
      active: "organizations",
      body: (
        <OrganizationsListPage
          params={params}
          organizations={list.ok ? list.data.data : []}
          total={list.ok ? list.data.total_count : 0}
          error={list.ok ? null : describeApiErrors(list.errors)}
        />
      ),
    });
  });

  app.get("/organizations/new", (c) =>
    renderPage(c, {
      title: "Create organization",
      active: "organizations",
      body: (
        <CreateOrganizationPage
          csrfToken={c.get("csrfToken")}
          form={{ name: "", slug: "", created_by: "" }}
          error={null}
        />
      ),
    }),
  );
  app.post("/organizations/new", async (c) => {
    const form = readNewOrganizationForm(await c.req.parseBody());
    const result = await c.get("api")<ConsoleOrganizationJson>(
      "POST",
      "/v1/organizations",
      newOrganizationBody(form),
    );
    if (!result.ok) {
      return renderPage(c, {
        title: "Create organization",
        active: "organizations",
        status: 422,
        body: (
          <CreateOrganizationPage
            csrfToken={c.get("csrfToken")}
            form={form}
            error={describeApiErrors(result.errors)}
          />
        ),
      });
    }
    await recordConsoleChange(c, "organization.create", result.data.id, {
      name: result.data.name,
      slug: result.data.slug,
      created_by: form.created_by === "" ? null : form.created_by,
    });
    setFlash(c, { kind: "success", text: "Organization created." });
    return c.redirect(organizationPath(result.data.id), 303);
  });

  app.get("/organizations/:id", (c) => showOrganization(c, c.req.param("id")));

  app.post("/organizations/:id/metadata", (c) => {
    const id = c.req.param("id");
    return saveConsoleMetadata(c, {
      fields: ORGANIZATION_METADATA_FIELDS,
      path: `/v1/organizations/${encodeURIComponent(id)}/metadata`,
      action: "organization.metadata_replace",
      targetId: id,
      redirectTo: organizationPath(id),
      reshow: (draft) => showOrganization(c, id, draft),
    });
  });

  organizationDeletion.mount(app);

  mountOrganizationMemberRoutes(app);
}
