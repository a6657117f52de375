import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../test/property-params.js";
import { isTestEmailAddress, TEST_VERIFICATION_CODE } from "./is-test-email-address.js";

describe("isTestEmailAddress", () => {
  it("matches +clerk_test in the local part only", () => {
    expect(isTestEmailAddress("jane+clerk_test@example.com")).toBe(true);
    expect(isTestEmailAddress("Jane+Clerk_Test@Example.com")).toBe(true);
    expect(isTestEmailAddress("jane+clerk_test_2@example.com")).toBe(true);
    expect(isTestEmailAddress("jane@example.com")).toBe(false);
    expect(isTestEmailAddress("jane+clerk@example.com")).toBe(false);
    expect(isTestEmailAddress("jane@x+clerk_test.example.com")).toBe(false);
    expect(isTestEmailAddress("+clerk_test")).toBe(false);
    expect(isTestEmailAddress("@+clerk_test")).toBe(false);
  });

  it("is decided by the local part, whatever the domain", () => {
    const part = fc.stringMatching(/^[a-z0-9.+_-]{1,20}$/);
    fc.assert(
      fc.property(part, part, (local, domain) => {
        const address = `${local}@${domain}`;
        expect(isTestEmailAddress(address)).toBe(local.includes("+clerk_test"));
        expect(isTestEmailAddress(`${local}+clerk_test@${domain}`)).toBe(true);
      }),
      propertyParams(),
    );
  });

  it("pairs with Clerk's fixed development code", () => {
    expect(TEST_VERIFICATION_CODE).toBe("424242");
  });
});
