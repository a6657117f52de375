import { z } from "zod";
import type {
  ImportedInvitation,
  ImportedJwtTemplate,
  ImportedMembership,
  ImportedOrganization,
  ImportedOrganizationInvitation,
  ImportedOrganizationRole,
  ImportedRecordOutcome,
  ResourceImportConflictCode,
  ResourceImportStore,
} from "../store/resource-import-store.js";
import type { ClerkApiReader } from "./clerk-api-reader.js";

const metadata = z.record(z.string(), z.unknown()).nullish();

const CLERK_ORGANIZATION = z.looseObject({
  id: z.string().regex(/^org_[A-Za-z0-9]+$/),
  name: z.string().min(1),
  slug: z.string().min(1),
  max_allowed_memberships: z.number().int().min(0).nullish(),
  admin_delete_enabled: z.boolean().nullish(),
  public_metadata: metadata,
  private_metadata: metadata,
  created_by: z.string().nullish(),
  created_at: z.number(),
});

const CLERK_ROLE = z.looseObject({
  id: z.string().min(1),
  key: z.string().regex(/^org:[a-z0-9_]+$/),
  name: z.string().min(1),
  description: z.string().nullish(),
  permissions: z.array(
    z.looseObject({
      key: z.string().regex(/^org:[a-z0-9_]+:[a-z0-9_]+$/),
      name: z.string().min(1),
      description: z.string().nullish(),
      type: z.string().nullish(),
    }),
  ),
});

const CLERK_MEMBERSHIP = z.looseObject({
  id: z.string().regex(/^orgmem_[A-Za-z0-9]+$/),
  role: z.string(),
  public_metadata: metadata,
  private_metadata: metadata,
  organization: z.looseObject({ id: z.string() }),
  public_user_data: z.looseObject({ user_id: z.string() }),
  created_at: z.number(),
});

const CLERK_JWT_TEMPLATE = z.looseObject({
  id: z.string().regex(/^jtmp_[A-Za-z0-9]+$/),
  name: z.string().min(1),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int().positive(),
  allowed_clock_skew: z.number().int().min(0),
  custom_signing_key: z.boolean().nullish(),
  signing_algorithm: z.string().nullish(),
  created_at: z.number(),
});

const INVITATION_STATUS = z.enum(["pending", "accepted", "revoked", "expired"]);

const CLERK_INVITATION = z.looseObject({
  id: z.string().regex(/^inv_[A-Za-z0-9]+$/),
  email_address: z.string().min(3),
  status: INVITATION_STATUS,
  public_metadata: metadata,
  expires_at: z.number().nullish(),
  created_at: z.number(),
});

const CLERK_ORGANIZATION_INVITATION = z.looseObject({
  id: z.string().regex(/^orginv_[A-Za-z0-9]+$/),
  organization_id: z.string(),
  email_address: z.string().min(3),
  role: z.string(),
  status: INVITATION_STATUS,
  public_metadata: metadata,
  private_metadata: metadata,
  expires_at: z.number().nullish(),
  created_at: z.number(),
});

/** What was read from a Clerk instance's Backend API besides its users. */
export interface ClerkResources {
  /** The instance's organization roles (`GET /v1/organization_roles`), with their permissions. */
  roles?: unknown[];
  organizations: unknown[];
  memberships: unknown[];
  jwtTemplates: unknown[];
  /** Application invitations (`GET /v1/invitations`). */
  invitations?: unknown[];
  /** Every organization's invitations. */
  organizationInvitations?: unknown[];
}

/**
 * Reads the organization roles, organizations, every organization's memberships and invitations,
 * the JWT templates and the application invitations from a Clerk instance's Backend API (paged).
 *
 * @throws ClerkImportError `api_request_failed` (see {@link ClerkApiReader})
 * @example
 * const resources = await readClerkResources(createClerkApiReader({ secretKey }));
 */
export async function readClerkResources(api: ClerkApiReader): Promise<ClerkResources> {
  const roles = await api.list("/organization_roles", { order_by: "+created_at" });
  const organizations = await api.list("/organizations", { order_by: "+created_at" });
  const memberships: unknown[] = [];
  const organizationInvitations: unknown[] = [];
  for (const organization of organizations) {
    const id = (organization as { id?: unknown }).id;
    if (typeof id !== "string" || !/^org_[A-Za-z0-9]+$/.test(id)) continue;
    memberships.push(...(await api.list(`/organizations/${id}/memberships`)));
    organizationInvitations.push(...(await api.list(`/organizations/${id}/invitations`)));
  }
  const jwtTemplates = await api.list("/jwt_templates");
  const invitations = await api.list("/invitations");
  return { roles, organizations, memberships, jwtTemplates, invitations, organizationInvitations };
}

/** Why an organization, membership or template was not imported. */
export type ResourceRefusalCode =
  | ResourceImportConflictCode
  | "invalid"
  | "signing_key_not_exported";

/** Counts of one kind of record, and the refused ones by id. */
export interface ResourceCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: { id: string; code: ResourceRefusalCode }[];
}

/** What {@link importClerkResources} did, by kind. */
export interface ClerkResourcesReport {
  roles: ResourceCounts;
  organizations: ResourceCounts;
  memberships: ResourceCounts;
  jwtTemplates: ResourceCounts;
  invitations: ResourceCounts;
  organizationInvitations: ResourceCounts;
}

const idOf = (entry: unknown) => {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : "";
};

/** Checks each entry, writes the good ones through `write`, and counts. */
async function importKind<T extends { id: string }>(
  entries: readonly unknown[],
  convert: (entry: unknown) => T | ResourceRefusalCode,
  write: (records: T[]) => Promise<ImportedRecordOutcome[]>,
): Promise<ResourceCounts> {
  const counts: ResourceCounts = { created: 0, updated: 0, unchanged: 0, refused: [] };
  const records: T[] = [];
  for (const entry of entries) {
    const converted = convert(entry);
    if (typeof converted === "string") counts.refused.push({ id: idOf(entry), code: converted });
    else records.push(converted);
  }
  for (const outcome of records.length === 0 ? [] : await write(records)) {
    if (outcome.outcome === "refused") counts.refused.push({ id: outcome.id, code: outcome.code });
    else counts[outcome.outcome] += 1;
  }
  return counts;
}

/**
 * Writes the organization roles (matched by key: missing ones created with their permissions,
 * the others brought to the imported permissions), organizations, then memberships (their users
 * must have been imported first), JWT templates, application and organization invitations (kept
 * as records: nothing is sent), ids kept, idempotent by id. A membership or invitation with a
 * role this instance does not have, imported or not, is refused (`role_unknown`); so is a
 * template with a custom signing key, which Clerk never hands out (`signing_key_not_exported`).
 * No webhooks.
 *
 * @example
 * const report = await importClerkResources(store, await readClerkResources(api));
 */
export async function importClerkResources(
  store: ResourceImportStore,
  resources: ClerkResources,
): Promise<ClerkResourcesReport> {
  // Roles first: memberships and invitations name theirs by key.
  const roles = await importKind<ImportedOrganizationRole>(
    resources.roles ?? [],
    (entry) => {
      const parsed = CLERK_ROLE.safeParse(entry);
      if (!parsed.success) return "invalid";
      const r = parsed.data;
      return {
        id: r.id,
        key: r.key,
        name: r.name,
        description: r.description ?? null,
        permissions: r.permissions.map((p) => ({
          key: p.key,
          name: p.name,
          description: p.description ?? "",
          type: p.type === "system" ? ("system" as const) : ("user" as const),
        })),
      };
    },
    (records) => store.importOrganizationRoles(records),
  );
  const organizations = await importKind<ImportedOrganization>(
    resources.organizations,
    (entry) => {
      const parsed = CLERK_ORGANIZATION.safeParse(entry);
      if (!parsed.success) return "invalid";
      const o = parsed.data;
      return {
        id: o.id,
        name: o.name,
        slug: o.slug,
        maxAllowedMemberships: o.max_allowed_memberships ?? 0,
        adminDeleteEnabled: o.admin_delete_enabled ?? true,
        publicMetadata: o.public_metadata ?? {},
        privateMetadata: o.private_metadata ?? {},
        createdBy: o.created_by ?? null,
        createdAt: o.created_at,
      };
    },
    (records) => store.importOrganizations(records),
  );
  const memberships = await importKind<ImportedMembership>(
    resources.memberships,
    (entry) => {
      const parsed = CLERK_MEMBERSHIP.safeParse(entry);
      if (!parsed.success) return "invalid";
      const m = parsed.data;
      return {
        id: m.id,
        organizationId: m.organization.id,
        userId: m.public_user_data.user_id,
        role: m.role,
        publicMetadata: m.public_metadata ?? {},
        privateMetadata: m.private_metadata ?? {},
        createdAt: m.created_at,
      };
    },
    (records) => store.importMemberships(records),
  );
  const jwtTemplates = await importKind<ImportedJwtTemplate>(
    resources.jwtTemplates,
    (entry) => {
      const parsed = CLERK_JWT_TEMPLATE.safeParse(entry);
      if (!parsed.success) return "invalid";
      const t = parsed.data;
      if (t.custom_signing_key) return "signing_key_not_exported";
      return {
        id: t.id,
        name: t.name,
        claims: t.claims,
        lifetime: t.lifetime,
        allowedClockSkew: t.allowed_clock_skew,
        signingAlgorithm: t.signing_algorithm ?? "RS256",
        createdAt: t.created_at,
      };
    },
    (records) => store.importJwtTemplates(records),
  );
  const invitations = await importKind<ImportedInvitation>(
    resources.invitations ?? [],
    (entry) => {
      const parsed = CLERK_INVITATION.safeParse(entry);
      if (!parsed.success) return "invalid";
      const i = parsed.data;
      return {
        id: i.id,
        emailAddress: i.email_address,
        status: i.status,
        publicMetadata: i.public_metadata ?? {},
        expiresAt: i.expires_at ?? null,
        createdAt: i.created_at,
      };
    },
    (records) => store.importInvitations(records),
  );
  const organizationInvitations = await importKind<ImportedOrganizationInvitation>(
    resources.organizationInvitations ?? [],
    (entry) => {
      const parsed = CLERK_ORGANIZATION_INVITATION.safeParse(entry);
      if (!parsed.success) return "invalid";
      const i = parsed.data;
      return {
        id: i.id,
        organizationId: i.organization_id,
        emailAddress: i.email_address,
        role: i.role,
        status: i.status,
        publicMetadata: i.public_metadata ?? {},
        privateMetadata: i.private_metadata ?? {},
        expiresAt: i.expires_at ?? null,
        createdAt: i.created_at,
      };
    },
    (records) => store.importOrganizationInvitations(records),
  );
  return { roles, organizations, memberships, jwtTemplates, invitations, organizationInvitations };
}

/**
 * The report's lines for organizations, memberships and templates.
 *
 * @example
 * console.log(formatResourcesReport(report));
 */
export function formatResourcesReport(report: ClerkResourcesReport): string {
  const lines: string[] = [];
  for (const [label, counts] of [
    ["organization roles", report.roles],
    ["organizations", report.organizations],
    ["memberships", report.memberships],
    ["JWT templates", report.jwtTemplates],
    ["invitations", report.invitations],
    ["organization invitations", report.organizationInvitations],
  ] as const) {
    lines.push(
      `${label}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.refused.length} refused`,
    );
    for (const r of counts.refused) lines.push(`  refused ${r.id || "(no id)"}: ${r.code}`);
  }
  return lines.join("\n");
}
