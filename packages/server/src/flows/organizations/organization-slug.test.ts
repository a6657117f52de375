import { describe, expect, it } from "vitest";
import { isValidOrganizationSlug, slugFromName } from "./organization-slug.js";

describe("slugFromName", () => {
  it.each([
    ["Acme Corp", "acme-corp"],
    ["  Ça va, Åcme!  ", "ca-va-acme"],
    ["---", "organization"],
    ["日本", "organization"],
    ["A_B  C", "a-b-c"],
  ])("%j → %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(isValidOrganizationSlug(slugFromName(name))).toBe(true);
  });

  it("keeps derived slugs short enough for a suffix", () => {
    expect(slugFromName("x".repeat(400)).length).toBeLessThanOrEqual(248);
  });
});

describe("isValidOrganizationSlug", () => {
  it("accepts lowercase letters, digits and dashes only", () => {
    expect(isValidOrganizationSlug("acme-2")).toBe(true);
    for (const bad of ["Acme", "acme corp", "acme_corp", "", "org_123", "a".repeat(257)]) {
      expect(isValidOrganizationSlug(bad)).toBe(false);
    }
  });
});
