import { describe, expect, it } from "vitest";
import type { JwtPayload } from "../tokens/jwt-payload.js";
import { signedInAuthObject } from "./auth-object.js";

const claims = {
  sub: "user_1",
  sid: "sess_1",
  sts: "active",
  v: 2,
  fva: [1, -1],
  o: { id: "org_1", rol: "admin", slg: "acme", per: "read,manage", fpm: "3" },
  fea: "o:reports",
  exp: 2_000_000_000,
  iat: 1_999_999_900,
} as unknown as JwtPayload;

describe("signedInAuthObject", () => {
  it("gives each request its own object over properties read once per token", async () => {
    const first = signedInAuthObject("t.o.k", claims, undefined);
    const second = signedInAuthObject("t.o.k", claims, undefined);
    expect(first).not.toBe(second);
    expect(first).toMatchObject({
      isAuthenticated: true,
      tokenType: "session_token",
      userId: "user_1",
      sessionId: "sess_1",
      sessionStatus: "active",
      orgId: "org_1",
      orgRole: "org:admin",
      orgSlug: "acme",
      orgPermissions: ["org:reports:read", "org:reports:manage"],
      factorVerificationAge: [1, -1],
    });
    expect(first.orgPermissions).toBe(second.orgPermissions);
    expect(first.has({ permission: "org:reports:manage" })).toBe(true);
    expect(first.has({ role: "admin" })).toBe(true);
    expect(await first.getToken()).toBe("t.o.k");
    expect(Object.keys(first)).toEqual(Object.keys(second));
  });

  it("keeps the shared parts frozen, so one request cannot change another's", () => {
    const auth = signedInAuthObject("t.o.k", claims, undefined);
    expect(() => auth.orgPermissions?.push("org:admin:everything")).toThrow(TypeError);
    expect(() => auth.factorVerificationAge?.fill(0)).toThrow(TypeError);
    auth.userId = "user_other";
    expect(signedInAuthObject("t.o.k", claims, undefined).userId).toBe("user_1");
  });
});
