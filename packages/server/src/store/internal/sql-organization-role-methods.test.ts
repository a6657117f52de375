import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../../test/skip-when.js";
import type { ApiError } from "../../errors/api-error.js";
import {
  describeName,
  TEST_DATABASE_TARGETS,
  useTestStore,
} from "../test-databases.test-helpers.js";

for (const target of TEST_DATABASE_TARGETS) {
  describe(describeName("Organization role store", target), skipWhen(target.skipReason), () => {
    const ctx = useTestStore(target);

    /** An organization with one member holding `role`. */
    async function memberWith(role: string) {
      await ctx.db.exec(
        `INSERT INTO users (id, created_at, updated_at) VALUES ('user_1', 1, 1);
         INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES ('org_1', 'A', 'a', 1, 1)`,
      );
      await ctx.db.query(
        `INSERT INTO organization_memberships (id, organization_id, user_id, role, created_at, updated_at)
         VALUES ('orgmem_1', 'org_1', 'user_1', $1, 1, 1)`,
        [role],
      );
    }

    it("has the system roles and permissions from the start", async () => {
      const roles = await ctx.store.listOrganizationRoles({
        limit: 10,
        offset: 0,
        orderBy: { field: "created_at", direction: "asc" },
      });
      expect(roles.map((r) => [r.id, r.key, r.system])).toEqual([
        ["role_org_admin", "org:admin", true],
        ["role_org_member", "org:member", true],
      ]);
      // Clerk's order: profile, memberships, domains (the order token claims encode them in).
      expect(roles[0]?.permissions.map((p) => p.key).slice(0, 3)).toEqual([
        "org:sys_profile:manage",
        "org:sys_profile:delete",
        "org:sys_memberships:read",
      ]);
      expect(await ctx.store.countOrganizationPermissions()).toBe(6);
      expect(await ctx.store.countOrganizationRoles("admin")).toBe(1);
    });

    it("gives members the permissions of their role as stored, and follows changes", async () => {
      const invoices = await ctx.store.insertOrganizationPermission({
        key: "org:invoices:read",
        name: "Read invoices",
        description: "",
      });
      const role = await ctx.store.insertOrganizationRole({
        key: "org:billing",
        name: "Billing",
        description: null,
        permissionIds: [invoices.id],
      });
      await memberWith("org:billing");
      const membership = () => ctx.store.getOrganizationMembership("org_1", "user_1");
      expect(await membership()).toMatchObject({
        role: "org:billing",
        roleName: "Billing",
        permissions: ["org:invoices:read"],
      });
      expect(await ctx.store.organizationRoleInUse("org:billing")).toBe(true);
      await ctx.store.updateOrganizationRole(role.id, {
        key: "org:finance",
        permissionIds: [invoices.id, "perm_org_sys_memberships_read"],
      });
      expect(await membership()).toMatchObject({
        role: "org:finance",
        permissions: ["org:sys_memberships:read", "org:invoices:read"],
      });
      expect(await ctx.store.organizationRoleInUse("org:billing")).toBe(false);
      const taken = await ctx.store
        .insertOrganizationRole({
          key: "org:finance",
          name: "x",
          description: null,
          permissionIds: [],
        })
        .catch((e: unknown) => e);
      expect([(taken as ApiError).code, (taken as ApiError).paramName]).toEqual([
        "form_identifier_exists",
        "key",
      ]);
    });

    it("keeps a role from being deleted while a transaction gives it to a member", async () => {
      const role = await ctx.store.insertOrganizationRole({
        key: "org:support",
        name: "Support",
        description: null,
        permissionIds: [],
      });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const giving = ctx.store.transaction(async (tx) => {
        expect(await tx.getOrganizationRoleByKey("org:support", { lock: true })).not.toBeNull();
        await held;
      });
      // PostgreSQL makes the deleting transaction wait for the shared lock (PGlite, which runs
      // one transaction at a time, makes it wait too).
      const deleting = ctx.store.transaction(async (tx) => {
        await tx.lockOrganizationRole(role.id);
        return "locked";
      });
      const first = await Promise.race([
        deleting,
        new Promise((resolve) => setTimeout(() => resolve("waiting"), 200)),
      ]);
      release();
      await giving;
      expect(first).toBe("waiting");
      expect(await deleting).toBe("locked");
    });
  });
}
