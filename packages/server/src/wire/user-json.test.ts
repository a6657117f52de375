import { describe, expect, it } from "vitest";
import type { UserRecord } from "../store/store.js";
import { deletedObjectJson } from "./deleted-object-json.js";
import { isUserLocked, userJson } from "./user-json.js";

const NOW = 1_767_225_600_000;

function record(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: "user_1",
    externalId: null,
    username: null,
    firstName: "Ada",
    lastName: null,
    locale: null,
    primaryEmailAddressId: null,
    primaryPhoneNumberId: null,
    imageId: null,
    publicMetadata: {},
    privateMetadata: {},
    unsafeMetadata: {},
    passwordEnabled: false,
    passwordUpdatedAt: null,
    totpEnabled: false,
    backupCodeEnabled: false,
    mfaEnabledAt: null,
    mfaDisabledAt: null,
    banned: false,
    lockedAt: null,
    lockoutExpiresAt: null,
    failedVerificationAttempts: 0,
    deleteSelfEnabled: true,
    createOrganizationEnabled: true,
    createOrganizationsLimit: null,
    legalAcceptedAt: null,
    bypassClientTrust: false,
    lastSignInAt: null,
    lastActiveAt: null,
    createdAt: NOW - 1000,
    updatedAt: NOW,
    emailAddresses: [],
    phoneNumbers: [],
    externalAccounts: [],
    ...overrides,
  };
}

const context = { baseUrl: "https://auth.example.com", now: NOW, maxVerificationAttempts: 10 };

describe("userJson", () => {
  it("derives image URLs from the base URL", () => {
    expect(userJson(record(), context)).toMatchObject({
      image_url: "https://auth.example.com/v1/images/default",
      has_image: false,
    });
    expect(userJson(record({ imageId: "img_1" }), context)).toMatchObject({
      image_url: "https://auth.example.com/v1/images/img_1",
      profile_image_url: "https://auth.example.com/v1/images/img_1",
      has_image: true,
    });
  });

  it("reports locks with the seconds left, and expired locks as unlocked", () => {
    const locked = record({ lockedAt: NOW - 1000, lockoutExpiresAt: NOW + 90_500 });
    expect(userJson(locked, context)).toMatchObject({
      locked: true,
      lockout_expires_in_seconds: 91,
      verification_attempts_remaining: 0,
    });
    const forever = record({ lockedAt: NOW - 1000, lockoutExpiresAt: null });
    expect(userJson(forever, context)).toMatchObject({
      locked: true,
      lockout_expires_in_seconds: null,
    });
    const expired = record({
      lockedAt: NOW - 5000,
      lockoutExpiresAt: NOW - 1,
      failedVerificationAttempts: 3,
    });
    expect(isUserLocked(expired, NOW)).toBe(false);
    expect(userJson(expired, context)).toMatchObject({
      locked: false,
      lockout_expires_in_seconds: null,
      verification_attempts_remaining: 7,
    });
  });

  it("counts TOTP and second-factor phones as two-factor", () => {
    expect(userJson(record({ totpEnabled: true }), context).two_factor_enabled).toBe(true);
    const phone = {
      id: "idn_1",
      userId: "user_1",
      phoneNumber: "+15555550100",
      reserved: false,
      reservedForSecondFactor: true,
      defaultSecondFactor: true,
      verification: {
        status: "verified" as const,
        strategy: "admin",
        attempts: null,
        expireAt: null,
      },
      createdAt: NOW,
      updatedAt: NOW,
    };
    expect(userJson(record({ phoneNumbers: [phone] }), context).two_factor_enabled).toBe(true);
    expect(userJson(record(), context).two_factor_enabled).toBe(false);
  });

  it("shows backup_code_enabled as the record has it (unused codes with TOTP)", () => {
    expect(userJson(record(), context).backup_code_enabled).toBe(false);
    const withCodes = record({ totpEnabled: true, backupCodeEnabled: true });
    expect(userJson(withCodes, context)).toMatchObject({
      backup_code_enabled: true,
      totp_enabled: true,
      two_factor_enabled: true,
    });
  });
});

describe("deletedObjectJson", () => {
  it("adds external_id and slug only when present", () => {
    expect(deletedObjectJson("user", "user_1")).toEqual({
      object: "user",
      id: "user_1",
      deleted: true,
    });
    expect(deletedObjectJson("user", "user_1", { externalId: "e" })).toEqual({
      object: "user",
      id: "user_1",
      deleted: true,
      external_id: "e",
    });
  });
});
