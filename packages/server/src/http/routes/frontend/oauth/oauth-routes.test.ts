import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBrowser } from "../../../../../test/frontend-test-browser.js";
import { type LocalGithub, startLocalGithub } from "../../../../../test/local-github.js";
import { LOCAL_PROVIDER_PEOPLE } from "../../../../../test/local-provider-people.js";
import { loginAtProvider } from "../../../../../test/provider-login.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import {
  type LocalOidcProvider,
  startLocalOidcProvider,
} from "../../../../dev/local-oidc-provider.js";
import type { OAuthConnection } from "../../../../oauth/oauth-connection.js";
import { customOidcConnection, githubConnection } from "../../../../oauth/oauth-connection.js";
import { TEST_PASSWORD } from "../frontend-flows.test-helpers.js";

const APP = "http://localhost:3000";
/** Where the app's proxy receives the provider's redirect (registered at the provider). */
const CALLBACK = `${APP}/__clerk/v1/oauth_callback`;
const STRATEGY = "oauth_custom_local";
const CLIENT = { clientId: "latchkey-test", clientSecret: "local-provider-secret-0123456789" };
const USERS = [...LOCAL_PROVIDER_PEOPLE];

describe("Frontend API: sign-in and sign-up through an OpenID Connect provider", () => {
  let provider: LocalOidcProvider;
  let github: LocalGithub;
  const connections: OAuthConnection[] = [];
  beforeAll(async () => {
    github = await startLocalGithub({
      users: [
        {
          id: 4242,
          login: "octo",
          name: "Octo Cat",
          emails: [{ email: "octo@github.test", primary: true, verified: true }],
        },
      ],
    });
    connections.push(
      githubConnection({
        clientId: github.clientId,
        clientSecret: github.clientSecret,
        endpoints: github.endpoints,
      }),
    );
    provider = await startLocalOidcProvider({
      port: 0,
      clients: [{ ...CLIENT, redirectUris: [CALLBACK] }],
      users: USERS,
    });
    connections.push(customOidcConnection("local", { issuer: provider.issuer, ...CLIENT }));
    // ID tokens carry the provider's real time.
    instance.clock.set(Date.now());
  });
  afterAll(async () => {
    await provider?.close();
    await github?.close();
  });
  const instance = useTestInstance({
    frontendApi: { oauth: { connections, callbackUrl: CALLBACK } },
  });

  /** Starts an OAuth attempt, logs in at the provider as `email`, and follows the callback. */
  async function throughProvider(
    browser: TestBrowser,
    kind: "sign_ins" | "sign_ups",
    email: string,
  ) {
    const started = await browser.call("POST", `/v1/client/${kind}`, {
      form: {
        strategy: STRATEGY,
        redirect_url: `${APP}/sso-callback`,
        action_complete_redirect_url: `${APP}/dashboard`,
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const verification =
      kind === "sign_ins"
        ? started.body.response.first_factor_verification
        : started.body.response.verifications.external_account;
    expect(verification).toMatchObject({
      object: "verification_oauth",
      status: "unverified",
      strategy: STRATEGY,
    });
    const back = new URL(
      await loginAtProvider(verification.external_verification_redirect_url, email),
    );
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    const callback = await browser.call("GET", `/v1/oauth_callback${back.search}`, {
      origin: null,
    });
    return { callback, callbackSearch: back.search };
  }

  it("lists the connection in the environment", async () => {
    const environment = await instance.fetch("/__clerk/v1/environment");
    const body = await environment.json();
    expect(body.user_settings.social).toEqual({
      oauth_github: expect.objectContaining({ enabled: true, name: "GitHub" }),
      [STRATEGY]: expect.objectContaining({ enabled: true, strategy: STRATEGY, name: "local" }),
    });
    expect(Object.keys(body.user_settings.social)).toEqual(["oauth_github", STRATEGY]);
  });

  it("signs up an unknown account by transfer, then signs the same user in again", async () => {
    const browser = instance.browser();
    const { callback } = await throughProvider(browser, "sign_ins", "ada@local.test");
    expect(callback.status).toBe(303);
    expect(callback.headers.get("location")).toBe(`${APP}/sso-callback`);
    const client = (await browser.call("GET", "/v1/client")).body.response;
    expect(client.sign_in.first_factor_verification).toMatchObject({
      status: "transferable",
      error: { code: "external_account_not_found" },
    });
    expect(await instance.store.countUsers({})).toBe(0);

    const signUp = await browser.call("POST", "/v1/client/sign_ups", {
      form: { transfer: "true" },
    });
    expect(signUp.status, JSON.stringify(signUp.body)).toBe(200);
    expect(signUp.body.response).toMatchObject({
      status: "complete",
      email_address: "ada@local.test",
      first_name: "Ada",
      last_name: "Lovelace",
      verifications: { external_account: { status: "verified", strategy: STRATEGY } },
    });
    const userId = signUp.body.response.created_user_id as string;
    expect(browser.cookies.get("__session")).toBeTruthy();
    const user = (await instance.call("GET", `/v1/users/${userId}`)).body;
    expect(user.password_enabled).toBe(false);
    expect(user.email_addresses[0]).toMatchObject({
      email_address: "ada@local.test",
      verification: { status: "verified" },
    });
    expect(user.external_accounts).toEqual([
      expect.objectContaining({
        object: "external_account",
        provider: STRATEGY,
        provider_user_id: "ada-1",
        email_address: "ada@local.test",
        email_address_verified: true,
        first_name: "Ada",
        verification: expect.objectContaining({ status: "verified", strategy: STRATEGY }),
      }),
    ]);
    // Tokens never reach the user's JSON; the Backend API hands them out.
    expect(JSON.stringify(user)).not.toMatch(/access_token_ciphertext|refresh_token/);
    const tokens = await instance.call(
      "GET",
      `/v1/users/${userId}/oauth_access_tokens/custom_local`,
    );
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual([
      expect.objectContaining({
        object: "oauth_access_token",
        provider: STRATEGY,
        provider_user_id: "ada-1",
        token: expect.any(String),
      }),
    ]);
    const stored = await instance.db.query("SELECT access_token_ciphertext FROM external_accounts");
    expect(String(stored[0]?.access_token_ciphertext)).toMatch(/^v1\./);
    expect(String(stored[0]?.access_token_ciphertext)).not.toContain(tokens.body[0].token);

    // A second browser signs in with the same account: the same user, a session, no new user.
    const again = instance.browser();
    const second = await throughProvider(again, "sign_ins", "ada@local.test");
    expect(second.callback.status).toBe(303);
    const signedIn = (await again.call("GET", "/v1/client")).body.response;
    expect(signedIn.sign_in).toMatchObject({ status: "complete" });
    expect(signedIn.sessions[0].user.id).toBe(userId);
    expect(await instance.store.countUsers({})).toBe(1);
  });

  it("links a provider account to an email+password user only when both sides verified the address", async () => {
    const created = await instance.call("POST", "/v1/users", {
      body: { email_address: ["bob@local.test", "eve@local.test"], password: TEST_PASSWORD },
    });
    expect(created.status).toBe(200);
    const bobId = created.body.id as string;

    const browser = instance.browser();
    await throughProvider(browser, "sign_ins", "bob@local.test");
    const linked = (await browser.call("GET", "/v1/client")).body.response;
    expect(linked.sessions[0]?.user.id).toBe(bobId);
    expect(linked.sessions[0]?.user.external_accounts[0]).toMatchObject({
      provider_user_id: "bob-2",
    });

    // The provider did not verify eve@ (held by the same user here): no link, no session.
    const eve = instance.browser();
    await throughProvider(eve, "sign_ins", "eve@local.test");
    const refused = (await eve.call("GET", "/v1/client")).body.response;
    expect(refused.sessions).toEqual([]);
    expect(refused.sign_in.first_factor_verification).toMatchObject({
      status: "failed",
      error: { code: "oauth_email_unverified" },
    });
    const user = (await instance.call("GET", `/v1/users/${bobId}`)).body;
    expect(
      user.external_accounts.map((a: { provider_user_id: string }) => a.provider_user_id),
    ).toEqual(["bob-2"]);
  });

  it("signs up through the provider directly, and hands a known account over to a sign-in", async () => {
    const browser = instance.browser();
    await throughProvider(browser, "sign_ups", "cat@local.test");
    const client = (await browser.call("GET", "/v1/client")).body.response;
    expect(client.sign_up).toMatchObject({ status: "complete", email_address: "cat@local.test" });
    const catId = client.sign_up.created_user_id as string;

    const known = instance.browser();
    await throughProvider(known, "sign_ups", "cat@local.test");
    const handed = (await known.call("GET", "/v1/client")).body.response;
    expect(handed.sign_up.verifications.external_account).toMatchObject({
      status: "transferable",
      error: { code: "external_account_exists" },
    });
    const signIn = await known.call("POST", "/v1/client/sign_ins", { form: { transfer: "true" } });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(signIn.body.response.status).toBe("complete");
    expect(signIn.body.client.sessions[0].user.id).toBe(catId);
  });

  it("refreshes an expired provider token, and unlinks accounts (only one's own) with user.updated", async () => {
    // cat@ signed up in an earlier test.
    const signIn = instance.browser();
    await throughProvider(signIn, "sign_ins", "cat@local.test");
    const me = (await signIn.call("GET", "/v1/me")).body.response;
    const account = me.external_accounts[0];
    const before = await instance.call(
      "GET",
      `/v1/users/${me.id}/oauth_access_tokens/oauth_custom_local`,
    );
    expect(before.body).toHaveLength(1);
    // An hour and more later the access token has expired: the refresh token gets a new one.
    instance.clock.advance(2 * 3600 * 1000);
    try {
      const after = await instance.call(
        "GET",
        `/v1/users/${me.id}/oauth_access_tokens/oauth_custom_local`,
      );
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      expect(after.body[0].token).not.toBe(before.body[0].token);
      expect(after.body[0].expires_at * 1000).toBeGreaterThan(instance.clock.now());
    } finally {
      instance.clock.set(Date.now());
    }

    // Someone else's account id: not found, nothing unlinked.
    const other = (await instance.call("GET", "/v1/users?email_address=ada@local.test")).body[0];
    const foreign = await signIn.call(
      "DELETE",
      `/v1/me/external_accounts/${other.external_accounts[0].id}`,
    );
    expect(foreign.status).toBe(404);
    const unlinked = await signIn.call("DELETE", `/v1/me/external_accounts/${account.id}`);
    expect(unlinked.status, JSON.stringify(unlinked.body)).toBe(200);
    expect(unlinked.body.response).toEqual({
      object: "external_account",
      id: account.id,
      deleted: true,
    });
    expect((await instance.call("GET", `/v1/users/${me.id}`)).body.external_accounts).toEqual([]);
    expect(
      (await instance.call("GET", `/v1/users/${me.id}/oauth_access_tokens/custom_local`)).body,
    ).toEqual([]);
    // The Backend API unlinks too.
    const bapi = await instance.call(
      "DELETE",
      `/v1/users/${other.id}/external_accounts/${other.external_accounts[0].id}`,
    );
    expect(bapi.body).toEqual({
      object: "external_account",
      id: other.external_accounts[0].id,
      deleted: true,
    });
    expect(
      (await instance.call("DELETE", `/v1/users/${other.id}/external_accounts/eac_missing`)).status,
    ).toBe(404);
  });

  it("signs up through GitHub's OAuth (no ID token: profile and verified primary email from its API)", async () => {
    const browser = instance.browser();
    const started = await browser.call("POST", "/v1/client/sign_ups", {
      form: { strategy: "oauth_github", redirect_url: `${APP}/sso-callback` },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const authorize = new URL(
      started.body.response.verifications.external_account.external_verification_redirect_url,
    );
    expect(`${authorize.origin}${authorize.pathname}`).toBe(github.endpoints.authorization);
    // GitHub's consent page is not part of the stand-in: it hands out the code it would.
    const code = github.issueCode("octo", {
      redirectUri: CALLBACK,
      codeChallenge: authorize.searchParams.get("code_challenge") ?? "",
    });
    const state = authorize.searchParams.get("state") ?? "";
    const callback = await browser.call(
      "GET",
      `/v1/oauth_callback?${new URLSearchParams({ code, state })}`,
      { origin: null },
    );
    expect(callback.status).toBe(303);
    const signUp = (await browser.call("GET", "/v1/client")).body.response.sign_up;
    expect(signUp).toMatchObject({
      status: "complete",
      email_address: "octo@github.test",
      first_name: "Octo",
      last_name: "Cat",
    });
    const user = (await instance.call("GET", `/v1/users/${signUp.created_user_id}`)).body;
    expect(user.external_accounts[0]).toMatchObject({
      provider: "oauth_github",
      provider_user_id: "4242",
      username: "octo",
    });
  });

  it("refuses a forged, replayed or foreign callback, a failed exchange and foreign redirect URLs, creating nothing", async () => {
    const users = await instance.store.countUsers({});
    const browser = instance.browser();
    const { callbackSearch } = await throughProvider(browser, "sign_ins", "zed@local.test").catch(
      async () => ({ callbackSearch: "" }),
    );
    expect(callbackSearch).toBe(""); // unknown at the provider: no way back

    // Another browser presenting this browser's callback: refused, and the state is spent.
    const victim = instance.browser();
    const attacker = instance.browser();
    await attacker.call("POST", "/v1/client", {});
    const started = await victim.call("POST", "/v1/client/sign_ins", {
      form: { strategy: STRATEGY, redirect_url: `${APP}/sso-callback` },
    });
    const back = new URL(
      await loginAtProvider(
        started.body.response.first_factor_verification.external_verification_redirect_url,
        "ada@local.test",
      ),
    );
    const foreign = await attacker.call("GET", `/v1/oauth_callback${back.search}`, {
      origin: null,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].code).toBe("oauth_callback_invalid");
    const replay = await victim.call("GET", `/v1/oauth_callback${back.search}`, { origin: null });
    expect(replay.status).toBe(400);
    expect(replay.body.errors[0].code).toBe("oauth_callback_invalid");

    // A state never issued, or none.
    for (const search of ["?state=forged&code=x", "?code=x", ""]) {
      const forged = await victim.call("GET", `/v1/oauth_callback${search}`, { origin: null });
      expect(forged.status, search).toBe(400);
      expect(forged.body.errors[0].code).toBe("oauth_callback_invalid");
    }

    // A code the provider never issued: recorded on the sign-in, nobody signed in.
    const tampered = instance.browser();
    const fresh = await tampered.call("POST", "/v1/client/sign_ins", {
      form: { strategy: STRATEGY, redirect_url: `${APP}/sso-callback` },
    });
    const good = new URL(
      await loginAtProvider(
        fresh.body.response.first_factor_verification.external_verification_redirect_url,
        "ada@local.test",
      ),
    );
    good.searchParams.set("code", "not-a-code-the-provider-issued");
    const exchanged = await tampered.call("GET", `/v1/oauth_callback${good.search}`, {
      origin: null,
    });
    expect(exchanged.status).toBe(303);
    const failed = (await tampered.call("GET", "/v1/client")).body.response;
    expect(failed.sessions).toEqual([]);
    expect(failed.sign_in.first_factor_verification).toMatchObject({
      status: "failed",
      error: { code: "oauth_provider_error" },
    });

    // The person declined at the provider.
    const declined = instance.browser();
    const started2 = await declined.call("POST", "/v1/client/sign_ins", {
      form: { strategy: STRATEGY, redirect_url: `${APP}/sso-callback` },
    });
    const state = new URL(
      started2.body.response.first_factor_verification.external_verification_redirect_url,
    ).searchParams.get("state");
    const denied = await declined.call(
      "GET",
      `/v1/oauth_callback?state=${state}&error=access_denied`,
      { origin: null },
    );
    expect(denied.status).toBe(303);
    expect(
      (await declined.call("GET", "/v1/client")).body.response.sign_in.first_factor_verification
        .error.code,
    ).toBe("oauth_access_denied");

    // Redirects only to allowed origins; only enabled strategies.
    for (const [form, code] of [
      [{ strategy: STRATEGY, redirect_url: "https://evil.example/steal" }, "redirect_url_invalid"],
      [
        {
          strategy: STRATEGY,
          redirect_url: `${APP}/ok`,
          action_complete_redirect_url: "https://evil.example",
        },
        "redirect_url_invalid",
      ],
      [{ strategy: STRATEGY }, "form_param_missing"],
      [{ strategy: "oauth_google", redirect_url: `${APP}/ok` }, "oauth_strategy_not_enabled"],
    ] as const) {
      const refused = await instance.browser().call("POST", "/v1/client/sign_ins", { form });
      expect(refused.status, JSON.stringify(form)).toBe(422);
      expect(refused.body.errors[0].code, JSON.stringify(form)).toBe(code);
    }
    // Nothing to transfer.
    const nothing = await instance.browser().call("POST", "/v1/client/sign_ups", {
      form: { transfer: "true" },
    });
    expect(nothing.status).toBeGreaterThanOrEqual(400);
    expect(await instance.store.countUsers({})).toBe(users);
  });
});
