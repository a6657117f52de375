import { describe, expect, it } from "vitest";
import { sessionTokenClaims } from "./session-token-claims.js";

const NOW = 1_767_225_600_000;
const session = {
  id: "sess_1",
  userId: "user_1",
  status: "active" as const,
  actor: null,
  firstFactorVerifiedAt: NOW - 5 * 60_000 - 59_000,
  secondFactorVerifiedAt: null,
};

describe("sessionTokenClaims", () => {
  it("builds Clerk's v2 claims", () => {
    expect(
      sessionTokenClaims({
        session,
        issuer: "https://x.test/__clerk",
        authorizedParty: "https://app.test",
        now: NOW + 999,
        lifetimeSeconds: 60,
      }),
    ).toEqual({
      iss: "https://x.test/__clerk",
      sub: "user_1",
      sid: "sess_1",
      azp: "https://app.test",
      iat: NOW / 1000,
      nbf: NOW / 1000 - 10,
      exp: NOW / 1000 + 60,
      v: 2,
      fva: [5, -1],
      sts: "active",
    });
  });

  it("omits azp without an origin, and adds act, a second factor age and the organization", () => {
    const claims = sessionTokenClaims({
      session: { ...session, actor: { sub: "user_admin" }, secondFactorVerifiedAt: NOW - 120_000 },
      issuer: "https://x.test/__clerk",
      now: NOW,
      lifetimeSeconds: 120,
      organization: { id: "org_1", slug: "acme", role: "org:member", permissions: [] },
    });
    expect(claims).not.toHaveProperty("azp");
    expect(claims.exp).toBe(NOW / 1000 + 120);
    expect(claims.fva).toEqual([5, 2]);
    expect(claims.act).toEqual({ sub: "user_admin" });
    expect(claims.o).toEqual({ id: "org_1", rol: "member", slg: "acme" });
  });
});
