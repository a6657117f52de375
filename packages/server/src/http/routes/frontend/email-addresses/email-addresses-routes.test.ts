import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { createWebhookEndpoint } from "../../../../flows/webhook-endpoints/create-webhook-endpoint.js";
import { latestEmailCode, signUpThroughBrowser } from "../frontend-flows.test-helpers.js";

/** A six-digit code that is not `code`. */
const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");

describe("Frontend API /v1/me/email_addresses", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };

  it("adds an address, verifies it by email code, makes it primary and removes the old one", async () => {
    await createWebhookEndpoint(instance.store, {
      url: "https://hooks.example.com/email-addresses",
      eventTypes: ["user.updated", "email.created"],
    });
    const { browser, userId } = await signUpThroughBrowser(instance, "first@example.com");
    const before = await browser.call("GET", "/v1/me");
    const firstId = before.body.response.primary_email_address_id as string;

    const added = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "second@example.com" },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.response).toMatchObject({
      object: "email_address",
      email_address: "second@example.com",
      verification: null,
    });
    checkShape("Client.ClientWrappedEmailAddress", added.body);
    const secondId = added.body.response.id as string;
    // The client shows the user with the new, unverified address; the primary is unchanged.
    const shown = added.body.client.sessions[0].user;
    expect(shown.primary_email_address_id).toBe(firstId);
    expect(shown.email_addresses.map((e: { id: string }) => e.id)).toContain(secondId);

    // Not yet verified: it cannot become primary.
    const tooEarly = await browser.call("PATCH", "/v1/me", {
      form: { primary_email_address_id: secondId },
    });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.errors[0].code).toBe("form_param_value_invalid");

    const prepared = await browser.call(
      "POST",
      `/v1/me/email_addresses/${secondId}/prepare_verification`,
      { form: { strategy: "email_code" } },
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    expect(prepared.body.response.verification).toMatchObject({
      status: "unverified",
      strategy: "email_code",
      attempts: 0,
    });
    checkShape("Client.ClientWrappedEmailAddress", prepared.body);
    const code = await latestEmailCode(instance, "second@example.com");

    const wrong = await browser.call(
      "POST",
      `/v1/me/email_addresses/${secondId}/attempt_verification`,
      { form: { code: wrongCode(code) } },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({
      code: "form_code_incorrect",
      meta: { param_name: "code", attempts_remaining: 4 },
    });

    const verified = await browser.call(
      "POST",
      `/v1/me/email_addresses/${secondId}/attempt_verification`,
      { form: { code } },
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.response).toMatchObject({
      id: secondId,
      verification: {
        object: "verification_otp",
        status: "verified",
        strategy: "email_code",
        attempts: 1,
      },
    });
    checkShape("Client.ClientWrappedEmailAddress", verified.body);
    // A used code does not verify twice.
    const again = await browser.call(
      "POST",
      `/v1/me/email_addresses/${secondId}/attempt_verification`,
      { form: { code } },
    );
    expect(again.status).toBe(400);
    expect(again.body.errors[0].code).toBe("verification_already_verified");

    const got = await browser.call("GET", `/v1/me/email_addresses/${secondId}`);
    expect(got.status).toBe(200);
    expect(got.body.response.verification.status).toBe("verified");
    checkShape("Client.ClientWrappedEmailAddress", got.body);
    // The list: both addresses, a bare array as the spec's `Server.UserEmailAddresses`.
    const listed = await browser.call("GET", "/v1/me/email_addresses");
    expect(listed.status).toBe(200);
    expect(listed.body.map((e: { id: string }) => e.id).sort()).toEqual([firstId, secondId].sort());
    expect(listed.body.find((e: { id: string }) => e.id === secondId).verification.status).toBe(
      "verified",
    );
    checkShape("Server.UserEmailAddresses", listed.body);

    const primary = await browser.call("PATCH", "/v1/me", {
      form: { primary_email_address_id: secondId },
    });
    expect(primary.status, JSON.stringify(primary.body)).toBe(200);
    expect(primary.body.response.primary_email_address_id).toBe(secondId);

    // The new primary cannot be removed; the old one can.
    const refused = await browser.call("DELETE", `/v1/me/email_addresses/${secondId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].code).toBe("primary_identification_deletion_forbidden");
    const removed = await browser.call("DELETE", `/v1/me/email_addresses/${firstId}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.response).toEqual({ object: "email_address", id: firstId, deleted: true });
    checkShape("Client.ClientWrappedDeletedObject", removed.body);
    expect((await browser.call("GET", `/v1/me/email_addresses/${firstId}`)).status).toBe(404);

    // The Backend API sees the change; the webhooks saw every step.
    const user = (await instance.call("GET", `/v1/users/${userId}`)).body;
    expect(user.primary_email_address_id).toBe(secondId);
    expect(user.email_addresses.map((e: { id: string }) => e.id)).toEqual([secondId]);
    await instance.store.fanOutWebhookEvents(100);
    const claimed = await instance.store.claimWebhookDeliveries({
      limit: 100,
      leaseMs: 60_000,
      maxAttempts: 5,
    });
    const types = claimed.map((d) => (JSON.parse(d.body) as { type: string }).type);
    // Added, verified, made primary, removed; and the verification code's mail.
    expect(types.filter((t) => t === "user.updated")).toHaveLength(4);
    expect(types).toContain("email.created");
  });

  it("accepts 424242 for a +clerk_test address in development, mailing nothing real", async () => {
    const { browser } = await signUpThroughBrowser(instance, "owner@example.com");
    const added = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "tester+clerk_test@example.com" },
    });
    const id = added.body.response.id as string;
    await browser.call("POST", `/v1/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: "email_code" },
    });
    const [email] = await instance.store.listEmails(
      { toEmailAddress: "tester+clerk_test@example.com" },
      { limit: 1, offset: 0 },
    );
    expect(email?.test).toBe(true);
    const verified = await browser.call(
      "POST",
      `/v1/me/email_addresses/${id}/attempt_verification`,
      {
        form: { code: "424242" },
      },
    );
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body.response.verification.status).toBe("verified");
  });

  it("limits wrong codes as sign-up does, and refuses a code never prepared", async () => {
    const { browser } = await signUpThroughBrowser(instance, "limits@example.com");
    const added = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "limits-2@example.com" },
    });
    const id = added.body.response.id as string;
    const unprepared = await browser.call(
      "POST",
      `/v1/me/email_addresses/${id}/attempt_verification`,
      {
        form: { code: "123456" },
      },
    );
    expect(unprepared.status).toBe(400);
    expect(unprepared.body.errors[0].code).toBe("verification_missing");

    await browser.call("POST", `/v1/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: "email_code" },
    });
    const code = await latestEmailCode(instance, "limits-2@example.com");
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await browser.call(
        "POST",
        `/v1/me/email_addresses/${id}/attempt_verification`,
        {
          form: { code: wrongCode(code) },
        },
      );
      codes.push(answer.body.errors[0].code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill("form_code_incorrect"));
    expect(codes[4]).toBe("verification_failed");
    // Spent: even the right code no longer works, and the address stays unverified.
    const late = await browser.call("POST", `/v1/me/email_addresses/${id}/attempt_verification`, {
      form: { code },
    });
    expect(late.status).not.toBe(200);
    const spent = await browser.call("GET", `/v1/me/email_addresses/${id}`);
    expect(spent.body.response.verification).toMatchObject({ status: "failed", attempts: 5 });
    // A new code can be asked for, and works.
    await browser.call("POST", `/v1/me/email_addresses/${id}/prepare_verification`, {
      form: { strategy: "email_code" },
    });
    const fresh = await latestEmailCode(instance, "limits-2@example.com");
    const verified = await browser.call(
      "POST",
      `/v1/me/email_addresses/${id}/attempt_verification`,
      { form: { code: fresh } },
    );
    expect(verified.body.response.verification.status).toBe("verified");
  });

  it("refuses a taken or malformed address, another strategy, and the primary's removal", async () => {
    const { browser } = await signUpThroughBrowser(instance, "refusals@example.com");
    await signUpThroughBrowser(instance, "someone-else@example.com");
    const taken = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "SOMEONE-ELSE@example.com" },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0].code).toBe("form_identifier_exists");
    const own = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "refusals@example.com" },
    });
    expect(own.status).toBe(422);
    expect(own.body.errors[0].code).toBe("form_identifier_exists");
    const malformed = await browser.call("POST", "/v1/me/email_addresses", {
      form: { email_address: "not-an-address" },
    });
    expect(malformed.status).toBe(422);

    const me = await browser.call("GET", "/v1/me");
    const primaryId = me.body.response.primary_email_address_id as string;
    const link = await browser.call(
      "POST",
      `/v1/me/email_addresses/${primaryId}/prepare_verification`,
      {
        form: { strategy: "email_link" },
      },
    );
    expect(link.status).toBe(422);
    expect(link.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "strategy" },
    });
    // A verified address is not sent a code again (nor made unverified).
    const verifiedAgain = await browser.call(
      "POST",
      `/v1/me/email_addresses/${primaryId}/prepare_verification`,
      { form: { strategy: "email_code" } },
    );
    expect(verifiedAgain.status).toBe(400);
    expect(verifiedAgain.body.errors[0].code).toBe("verification_already_verified");
    // Even the user's only address, the primary one, stays.
    const last = await browser.call("DELETE", `/v1/me/email_addresses/${primaryId}`);
    expect(last.status).toBe(409);
    expect(last.body.errors[0].code).toBe("primary_identification_deletion_forbidden");
  });

  it("answers 404 for another user's address and 401 when signed out", async () => {
    const mine = await signUpThroughBrowser(instance, "mine@example.com");
    const theirs = await signUpThroughBrowser(instance, "theirs@example.com");
    const theirMe = await theirs.browser.call("GET", "/v1/me");
    const theirId = theirMe.body.response.primary_email_address_id as string;
    const attempts: Array<[string, string, Record<string, string> | undefined]> = [
      ["GET", `/v1/me/email_addresses/${theirId}`, undefined],
      ["DELETE", `/v1/me/email_addresses/${theirId}`, undefined],
      [
        "POST",
        `/v1/me/email_addresses/${theirId}/prepare_verification`,
        { strategy: "email_code" },
      ],
      ["POST", `/v1/me/email_addresses/${theirId}/attempt_verification`, { code: "123456" }],
      ["GET", "/v1/me/email_addresses/idn_does_not_exist", undefined],
    ];
    for (const [method, path, form] of attempts) {
      const answer = await mine.browser.call(method, path, form ? { form } : {});
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.errors[0].code).toBe("resource_not_found");
    }
    // Their addresses are not in my list.
    const myList = await mine.browser.call("GET", "/v1/me/email_addresses");
    expect(myList.body.map((e: { email_address: string }) => e.email_address)).toEqual([
      "mine@example.com",
    ]);
    // Nothing was mailed to their address beyond the sign-up code.
    expect(
      await instance.store.listEmails(
        { toEmailAddress: "theirs@example.com" },
        { limit: 10, offset: 0 },
      ),
    ).toHaveLength(1);

    const anonymous = instance.browser();
    for (const [method, path, form] of [
      ["POST", "/v1/me/email_addresses", { email_address: "anon@example.com" }],
      ["GET", "/v1/me/email_addresses", undefined],
      ...attempts,
    ] as typeof attempts) {
      const answer = await anonymous.call(method, path, form ? { form } : {});
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.body.errors[0].code).toBe("signed_out");
    }
  });
});
