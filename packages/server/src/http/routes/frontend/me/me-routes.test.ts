import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signOut, signUpThroughBrowser, TEST_PASSWORD } from "../frontend-flows.test-helpers.js";

const NEW_PASSWORD = "orange-Giraffe-77-sings";

describe("Frontend API /v1/me", () => {
  const instance = useTestInstance();
  const checkShape = (schema: string, body: unknown) => {
    expectMatchesSpec(loadSpec("fapi"), schema, body);
  };

  it("answers the signed-in user, and 401 signed_out without a session", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "me@example.com");
    const me = await browser.call("GET", "/v1/me");
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.response).toMatchObject({
      object: "user",
      id: userId,
      organization_memberships: [],
      totp_enabled: false,
      backup_code_enabled: false,
    });
    expect(me.body.response).not.toHaveProperty("private_metadata");
    expect(me.body.client.sessions[0].user.id).toBe(userId);
    checkShape("Client.ClientWrappedUser", me.body);

    const anonymous = await instance.browser().call("GET", "/v1/me");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].code).toBe("signed_out");

    // A forged client cookie is no better than none.
    const forged = await instance.fetch("/__clerk/v1/me", {
      headers: { Cookie: `__client=${"A".repeat(43)}` },
    });
    expect(forged.status).toBe(401);

    await signOut(browser);
    const afterSignOut = await browser.call("GET", "/v1/me");
    expect(afterSignOut.status).toBe(401);
  });

  it("picks the session named by _clerk_session_id, and refuses one of another client", async () => {
    const mine = await signUpThroughBrowser(instance, "named@example.com");
    const theirs = await signUpThroughBrowser(instance, "other-named@example.com");
    const named = await mine.browser.call("GET", `/v1/me?_clerk_session_id=${mine.sessionId}`);
    expect(named.body.response.id).toBe(mine.userId);
    const foreign = await mine.browser.call("GET", `/v1/me?_clerk_session_id=${theirs.sessionId}`);
    expect(foreign.status).toBe(401);
  });

  it("refuses a banned user's session", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "banned-me@example.com");
    await instance.call("POST", `/v1/users/${userId}/ban`);
    expect((await browser.call("GET", "/v1/me")).status).toBe(401);
  });

  it("updates names, username and unsafe metadata, with BAPI-like validation errors", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "patch@example.com");
    const patched = await browser.call("PATCH", "/v1/me", {
      form: {
        first_name: "Ada",
        last_name: "Lovelace",
        username: "ada_l",
        unsafe_metadata: JSON.stringify({ theme: "dark", nested: { a: 1 } }),
      },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.response).toMatchObject({
      first_name: "Ada",
      last_name: "Lovelace",
      username: "ada_l",
      unsafe_metadata: { theme: "dark", nested: { a: 1 } },
    });
    checkShape("Client.ClientWrappedUser", patched.body);
    // The change is real (read back through the Backend API) and the client shows it too.
    expect((await instance.call("GET", `/v1/users/${userId}`)).body.first_name).toBe("Ada");
    expect(patched.body.client.sessions[0].user.username).toBe("ada_l");

    // `POST ?_method=PATCH` as Clerk's browser SDK sends it; a blank value clears a field.
    const overridden = await browser.call("POST", "/v1/me?_method=PATCH", {
      form: { last_name: "" },
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.response.last_name).toBeNull();

    const merged = await browser.call("PATCH", "/v1/me/metadata", {
      form: { unsafe_metadata: JSON.stringify({ theme: null, nested: { b: 2 } }) },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.response.unsafe_metadata).toEqual({ nested: { a: 1, b: 2 } });

    const short = await browser.call("PATCH", "/v1/me", { form: { username: "ab" } });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({
      code: "form_username_invalid_length",
      meta: { param_name: "username" },
    });
    const unknown = await browser.call("PATCH", "/v1/me", {
      form: { public_metadata: "{}" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].code).toBe("form_param_unknown");
    const badMetadata = await browser.call("PATCH", "/v1/me", {
      form: { unsafe_metadata: "[1,2]" },
    });
    expect(badMetadata.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "unsafe_metadata" },
    });
    const foreignEmail = await browser.call("PATCH", "/v1/me", {
      form: { primary_email_address_id: "idn_notmine" },
    });
    expect(foreignEmail.status).toBe(422);
    expect(foreignEmail.body.errors[0].meta.param_name).toBe("primary_email_address_id");

    await signUpThroughBrowser(instance, "taken@example.com").then(({ browser: other }) =>
      other.call("PATCH", "/v1/me", { form: { username: "taken_name" } }),
    );
    const taken = await browser.call("PATCH", "/v1/me", { form: { username: "taken_name" } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0].code).toBe("form_identifier_exists");
  });

  it("refuses cross-site mutations (CSRF)", async () => {
    const { browser } = await signUpThroughBrowser(instance, "csrf@example.com");
    const crossOrigin = await browser.call("PATCH", "/v1/me", {
      form: { first_name: "Mallory" },
      origin: "https://evil.example",
    });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.body.errors[0].code).toBe("origin_invalid");
    const crossSite = await browser.call("POST", "/v1/me/change_password", {
      form: { new_password: "orange-Giraffe-77-sings" },
      origin: null,
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const crossPost = await browser.call("POST", "/v1/organizations", {
      form: { name: "Evil" },
      origin: "https://evil.example",
    });
    expect(crossPost.status).toBe(403);
    expect((await browser.call("GET", "/v1/me")).body.response.first_name).toBeNull();
  });

  it("changes the password: the current one is required, the old one stops working", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "pw@example.com");
    const second = instance.browser();
    const other = await second.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "pw@example.com", password: TEST_PASSWORD },
    });
    expect(other.body.response.status).toBe("complete");

    const missing = await browser.call("POST", "/v1/me/change_password", {
      form: { new_password: NEW_PASSWORD },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "current_password" },
    });
    const wrong = await browser.call("POST", "/v1/me/change_password", {
      form: { current_password: "not-the-password-1", new_password: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({
      code: "form_password_incorrect",
      meta: { param_name: "current_password" },
    });
    const weak = await browser.call("POST", "/v1/me/change_password", {
      form: { current_password: TEST_PASSWORD, new_password: "short" },
    });
    expect(weak.body.errors[0]).toMatchObject({
      code: "form_password_length_too_short",
      meta: { param_name: "new_password" },
    });
    expect(JSON.stringify(weak.body)).not.toContain(TEST_PASSWORD);

    const changed = await browser.call("POST", "/v1/me/change_password", {
      form: {
        current_password: TEST_PASSWORD,
        new_password: NEW_PASSWORD,
        sign_out_of_other_sessions: "true",
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.response).toMatchObject({ id: userId, password_enabled: true });
    checkShape("Client.ClientWrappedUser-2", changed.body);
    expect(JSON.stringify(changed.body)).not.toContain(NEW_PASSWORD);
    // The other browser's session was revoked; this one lives on.
    expect((await second.call("GET", "/v1/me")).status).toBe(401);
    expect((await browser.call("GET", "/v1/me")).status).toBe(200);

    await signOut(browser);
    const old = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "pw@example.com", password: TEST_PASSWORD },
    });
    expect(old.status).toBe(422);
    expect(old.body.errors[0].code).toBe("form_password_incorrect");
    const fresh = await instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: "pw@example.com", password: NEW_PASSWORD },
    });
    expect(fresh.body.response.status).toBe("complete");
  });

  it("deletes the user only when delete_self_enabled allows it", async () => {
    const { browser, userId } = await signUpThroughBrowser(instance, "bye@example.com");
    await instance.call("PATCH", `/v1/users/${userId}`, { body: { delete_self_enabled: false } });
    const refused = await browser.call("DELETE", "/v1/me");
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].code).toBe("not_allowed_access");
    expect((await instance.call("GET", `/v1/users/${userId}`)).status).toBe(200);

    await instance.call("PATCH", `/v1/users/${userId}`, { body: { delete_self_enabled: true } });
    const deleted = await browser.call("DELETE", "/v1/me");
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body.response).toEqual({ object: "user", id: userId, deleted: true });
    checkShape("Client.ClientWrappedDeletedObject", deleted.body);
    expect(browser.cookies.get("__client_uat")).toBe("0");
    expect((await instance.call("GET", `/v1/users/${userId}`)).status).toBe(404);
    expect((await browser.call("GET", "/v1/me")).status).toBe(401);
  });
});
