import { expect } from "vitest";
import { describeApiScenarios, describeEmptyIdChecks } from "./api-scenarios.test-helpers.js";
import { deletedJson, phoneNumberJson } from "./fixtures.test-helpers.js";
import type { PhoneNumber } from "./resources/phone-number.js";

describeApiScenarios("phoneNumbers api", [
  {
    name: "getPhoneNumber camelizes the number",
    call: (api) => api.phoneNumbers.getPhoneNumber("idn_phone1"),
    expected: [{ method: "GET", path: "/phone_numbers/idn_phone1" }],
    reply: () =>
      phoneNumberJson({
        reserved_for_second_factor: true,
        default_second_factor: true,
        backup_codes: null,
        verification: {
          object: "verification_otp",
          status: "unverified",
          strategy: "phone_code",
          attempts: null,
          expire_at: null,
        },
      }),
    check: (result) => {
      const phone = result as PhoneNumber;
      expect(phone.phoneNumber).toBe("+15555550100");
      expect(phone.reservedForSecondFactor).toBe(true);
      expect(phone.defaultSecondFactor).toBe(true);
      expect(phone.backupCodes).toBeNull();
      expect(phone.verification).toMatchObject({ status: "unverified", expireAt: null });
      expect(phone.linkedTo).toEqual([]);
      expect(phone.updatedAt).toBe(1_767_225_600_000);
    },
  },
  {
    name: "createPhoneNumber POSTs every param snake_cased",
    call: (api) =>
      api.phoneNumbers.createPhoneNumber({
        userId: "user_1",
        phoneNumber: "+15555550111",
        verified: true,
        primary: true,
        reservedForSecondFactor: false,
      }),
    expected: [
      {
        method: "POST",
        path: "/phone_numbers",
        body: {
          user_id: "user_1",
          phone_number: "+15555550111",
          verified: true,
          primary: true,
          reserved_for_second_factor: false,
        },
      },
    ],
    reply: () => phoneNumberJson({ id: "idn_phone2", phone_number: "+15555550111" }),
    check: (result) =>
      expect(result).toMatchObject({ id: "idn_phone2", phoneNumber: "+15555550111" }),
  },
  {
    name: "updatePhoneNumber PATCHes the flags",
    call: (api) =>
      api.phoneNumbers.updatePhoneNumber("idn_phone1", { reservedForSecondFactor: true }),
    expected: [
      {
        method: "PATCH",
        path: "/phone_numbers/idn_phone1",
        body: { reserved_for_second_factor: true },
      },
    ],
    reply: () => phoneNumberJson({ reserved_for_second_factor: true }),
    check: (result) => expect((result as PhoneNumber).reservedForSecondFactor).toBe(true),
  },
  {
    name: "updatePhoneNumber without params sends an empty object",
    call: (api) => api.phoneNumbers.updatePhoneNumber("idn_phone1"),
    expected: [{ method: "PATCH", path: "/phone_numbers/idn_phone1", body: {} }],
    reply: () => phoneNumberJson(),
  },
  {
    name: "deletePhoneNumber answers the deleted object",
    call: (api) => api.phoneNumbers.deletePhoneNumber("idn_phone1"),
    expected: [{ method: "DELETE", path: "/phone_numbers/idn_phone1" }],
    reply: () => deletedJson("phone_number", "idn_phone1"),
    check: (result) =>
      expect(result).toEqual({ object: "phone_number", id: "idn_phone1", deleted: true }),
  },
]);

describeEmptyIdChecks("phoneNumbers api", {
  getPhoneNumber: (api) => api.phoneNumbers.getPhoneNumber(""),
  updatePhoneNumber: (api) => api.phoneNumbers.updatePhoneNumber("", { primary: true }),
  deletePhoneNumber: (api) => api.phoneNumbers.deletePhoneNumber("  "),
});
