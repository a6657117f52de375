import { sessionAuthProperties } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { organizationClaims } from "./organization-claims.js";

const ADMIN_PERMISSIONS = [
  "org:sys_profile:manage",
  "org:sys_profile:delete",
  "org:sys_memberships:read",
  "org:sys_memberships:manage",
  "org:sys_domains:read",
  "org:sys_domains:manage",
];

describe("organizationClaims", () => {
  it("encodes role, slug and permissions so that the backend decodes them back", () => {
    const claims = organizationClaims({
      id: "org_1",
      slug: "acme",
      role: "org:admin",
      permissions: ADMIN_PERMISSIONS,
    });
    expect(claims.o).toMatchObject({ id: "org_1", rol: "admin", slg: "acme" });
    expect(claims.fea).toBe("o:sys_profile,o:sys_memberships,o:sys_domains");
    const decoded = sessionAuthProperties({ sub: "user_1", iat: 0, exp: 1, v: 2, ...claims });
    expect(decoded.orgId).toBe("org_1");
    expect(decoded.orgRole).toBe("org:admin");
    expect(decoded.orgSlug).toBe("acme");
    expect([...(decoded.orgPermissions ?? [])].sort()).toEqual([...ADMIN_PERMISSIONS].sort());
  });

  it("leaves out permissions and features when there are none, and skips unencodable ones", () => {
    const claims = organizationClaims({
      id: "org_2",
      slug: null,
      role: "member",
      permissions: ["not-a-permission"],
    });
    expect(claims).toEqual({ o: { id: "org_2", rol: "member" } });
  });
});
