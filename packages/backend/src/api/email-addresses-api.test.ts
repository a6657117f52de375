import { describe, expect, it } from "vitest";
import {
  describeApiScenarios,
  describeEmptyIdChecks,
  TEST_SECRET_KEY,
} from "./api-scenarios.test-helpers.js";
import { createBackendApiClient } from "./create-backend-api-client.js";
import { createFakeFetch, jsonResponse } from "./fake-fetch.test-helpers.js";
import { deletedJson, emailAddressJson } from "./fixtures.test-helpers.js";
import type { EmailAddress } from "./resources/email-address.js";

describeApiScenarios("emailAddresses api", [
  {
    name: "getEmailAddress camelizes the address and its verification",
    call: (api) => api.emailAddresses.getEmailAddress("idn_email1"),
    expected: [{ method: "GET", path: "/email_addresses/idn_email1" }],
    reply: () =>
      emailAddressJson({
        linked_to: [{ type: "oauth_google", id: "idn_g1" }],
        matches_sso_connection: false,
        some_new_field: { inner_value: 1 },
      }),
    check: (result) => {
      const email = result as EmailAddress;
      expect(email.id).toBe("idn_email1");
      expect(email.emailAddress).toBe("ada@example.com");
      expect(email.verification).toMatchObject({ status: "verified", strategy: "email_code" });
      expect(email.verification?.expireAt).toBe(1_767_225_600_000 + 600_000);
      expect(email.linkedTo).toEqual([{ type: "oauth_google", id: "idn_g1" }]);
      expect(email.matchesSsoConnection).toBe(false);
      expect(email.createdAt).toBe(1_767_225_600_000);
      expect(email).toHaveProperty("someNewField", { innerValue: 1 });
      expect(email).not.toHaveProperty("email_address");
    },
  },
  {
    name: "createEmailAddress POSTs every param snake_cased",
    call: (api) =>
      api.emailAddresses.createEmailAddress({
        userId: "user_1",
        emailAddress: "grace@example.com",
        verified: true,
        primary: false,
        notifyPrimaryEmailAddressChanged: true,
      }),
    expected: [
      {
        method: "POST",
        path: "/email_addresses",
        body: {
          user_id: "user_1",
          email_address: "grace@example.com",
          verified: true,
          primary: false,
          notify_primary_email_address_changed: true,
        },
      },
    ],
    reply: () => emailAddressJson({ id: "idn_2", email_address: "grace@example.com" }),
    check: (result) =>
      expect(result).toMatchObject({ id: "idn_2", emailAddress: "grace@example.com" }),
  },
  {
    name: "createEmailAddress leaves unset params out",
    call: (api) =>
      api.emailAddresses.createEmailAddress({ userId: "user_1", emailAddress: "g@example.com" }),
    expected: [
      {
        method: "POST",
        path: "/email_addresses",
        body: { user_id: "user_1", email_address: "g@example.com" },
      },
    ],
    reply: () => emailAddressJson({ email_address: "g@example.com", verification: null }),
    check: (result) => expect((result as EmailAddress).verification).toBeNull(),
  },
  {
    name: "updateEmailAddress PATCHes the flags",
    call: (api) =>
      api.emailAddresses.updateEmailAddress("idn_email1", { verified: false, primary: true }),
    expected: [
      {
        method: "PATCH",
        path: "/email_addresses/idn_email1",
        body: { verified: false, primary: true },
      },
    ],
    reply: () => emailAddressJson(),
  },
  {
    name: "updateEmailAddress without params sends an empty object",
    call: (api) => api.emailAddresses.updateEmailAddress("idn_email1"),
    expected: [{ method: "PATCH", path: "/email_addresses/idn_email1", body: {} }],
    reply: () => emailAddressJson(),
  },
  {
    name: "deleteEmailAddress answers the deleted object",
    call: (api) => api.emailAddresses.deleteEmailAddress("idn_email1"),
    expected: [{ method: "DELETE", path: "/email_addresses/idn_email1" }],
    reply: () => deletedJson("email_address", "idn_email1"),
    check: (result) =>
      expect(result).toEqual({ object: "email_address", id: "idn_email1", deleted: true }),
  },
]);

describeEmptyIdChecks("emailAddresses api", {
  getEmailAddress: (api) => api.emailAddresses.getEmailAddress(""),
  updateEmailAddress: (api) => api.emailAddresses.updateEmailAddress(" ", {}),
  deleteEmailAddress: (api) => api.emailAddresses.deleteEmailAddress(""),
});

describe("emailAddresses api: paths", () => {
  it("encodes ids so they cannot leave their path segment", async () => {
    const fake = createFakeFetch(() => jsonResponse(emailAddressJson()));
    const api = createBackendApiClient({ secretKey: TEST_SECRET_KEY, fetch: fake.fetch });
    await api.emailAddresses.getEmailAddress("../users/user_1");
    expect(fake.calls[0]?.url.pathname).toBe("/v1/email_addresses/..%2Fusers%2Fuser_1");
  });
});
