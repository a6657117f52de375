// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { type ReactNode, StrictMode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type Clerk, useClerk } from "../hooks/use-clerk.js";
import { type UseUserReturn, useUser } from "../hooks/use-user.js";
import {
  LOCAL_STRATEGY,
  returnFromProvider,
  SPARE_STRATEGY,
  useInstanceWithLocalProvider,
} from "../internal/local-provider.test-helpers.js";
import {
  Capture,
  createBrowserFetch,
  latestEmailCode,
  renderWithProvider,
  TEST_APP_ORIGIN,
  TEST_PASSWORD,
  type TestBrowserFetch,
} from "../internal/test-app.test-helpers.js";
import { AuthenticateWithRedirectCallback } from "./authenticate-with-redirect-callback.js";
import { SignIn } from "./sign-in.js";
import { SignUp } from "./sign-up.js";

describe("social sign-in against a real instance and a real OpenID provider", () => {
  const instance = useInstanceWithLocalProvider();
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, "", "/");
  });

  /**
   * Opens `ui` (a sign-in or sign-up page), presses "Continue with Local provider", signs in at
   * the provider as `email` and follows it back; answers the app page the instance sent the
   * browser to, and where the window was sent.
   */
  async function throughProvider(browser: TestBrowserFetch, ui: ReactNode, email: string) {
    window.history.replaceState(null, "", "/sign-in");
    const { navigation } = renderWithProvider(ui, { browser });
    await userEvent
      .setup()
      .click(await screen.findByRole("button", { name: "Continue with Local provider" }));
    await waitFor(() => expect(navigation.assigns).toHaveLength(1));
    const providerUrl = navigation.assigns[0] as string;
    cleanup();
    const page = await returnFromProvider(browser, providerUrl, email);
    window.history.replaceState(null, "", page);
    return { page, providerUrl };
  }

  /** Renders the callback page (as `/sso-callback` renders it) and the signed-in user. */
  function openCallback(
    browser: TestBrowserFetch,
    callback: ReactNode = <AuthenticateWithRedirectCallback />,
  ) {
    let user: UseUserReturn | undefined;
    const rendered = renderWithProvider(
      <StrictMode>
        {callback}
        <Capture use={useUser} into={(value) => (user = value)} />
      </StrictMode>,
      { browser },
    );
    return { ...rendered, user: () => user };
  }

  async function userIdOf(email: string): Promise<string> {
    const found = await instance.call(
      "GET",
      `/v1/users?email_address=${encodeURIComponent(email)}`,
    );
    const list = Array.isArray(found.body) ? found.body : found.body.data;
    expect(list, email).toHaveLength(1);
    return list[0].id;
  }

  async function createPasswordUser(email: string): Promise<string> {
    const created = await instance.call("POST", "/v1/users", {
      body: { email_address: [email], password: TEST_PASSWORD },
    });
    expect(created.status).toBe(200);
    return created.body.id;
  }

  it("shows a button per social connection, in the environment's order, above the email form and an 'or'", async () => {
    for (const ui of [<SignIn key="in" />, <SignUp key="up" />]) {
      renderWithProvider(ui, { browser: createBrowserFetch(instance) });
      const email = await screen.findByLabelText("Email address");
      const buttons = await screen.findAllByRole("button", { name: /^Continue with / });
      expect(buttons.map((b) => b.textContent)).toEqual([
        "Continue with Local provider",
        "Continue with Spare provider",
      ]);
      expect(buttons.map((b) => b.getAttribute("data-latchkey-social"))).toEqual([
        LOCAL_STRATEGY,
        SPARE_STRATEGY,
      ]);
      const divider = screen.getByText("or");
      for (const button of buttons) {
        expect(button.getAttribute("type")).toBe("button");
        expect(
          button.compareDocumentPosition(divider) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).toBeTruthy();
        expect(button.closest("form")).toBeNull();
      }
      expect(
        divider.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      cleanup();
    }
  });

  it("starts the sign-in, stays busy and sends the window to the provider's page", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignIn afterSignInUrl="/dashboard" />, { browser });
    const button = await screen.findByRole("button", { name: "Continue with Local provider" });
    await user.click(button);
    await waitFor(() => expect(navigation.assigns).toHaveLength(1));
    const providerUrl = new URL(navigation.assigns[0] as string);
    expect(providerUrl.searchParams.get("redirect_uri")).toBe(
      `${TEST_APP_ORIGIN}/__clerk/v1/oauth_callback`,
    );
    expect(providerUrl.searchParams.get("state")).toBeTruthy();
    expect(providerUrl.searchParams.get("code_challenge_method")).toBe("S256");
    // Leaving: every button stays busy, and a second click sends nothing.
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(
      screen
        .getByRole("button", { name: "Continue with Spare provider" })
        .getAttribute("aria-disabled"),
    ).toBe("true");
    await user.click(button);
    expect(
      browser.requests.filter((r) => r.startsWith("POST /__clerk/v1/client/sign_ins")),
    ).toHaveLength(1);
    expect(navigation.assigns).toHaveLength(1);

    const client = await (await browser.fetch("/__clerk/v1/client")).json();
    expect(client.response.sign_in.first_factor_verification).toMatchObject({
      status: "unverified",
      strategy: LOCAL_STRATEGY,
      external_verification_redirect_url: providerUrl.href,
    });
  });

  it("signs a new account up (sign-in handed over to a sign-up) and lands where the flow was headed", async () => {
    const browser = createBrowserFetch(instance);
    const { page } = await throughProvider(
      browser,
      <SignIn afterSignInUrl="/dashboard" />,
      "ada@local.test",
    );
    expect(page).toBe(
      `/sso-callback?redirect_url=${encodeURIComponent(`${TEST_APP_ORIGIN}/dashboard`)}`,
    );

    const { navigation, user } = openCallback(browser);
    expect(screen.getByRole("status").textContent).toBe("Signing you in…");
    await waitFor(() => expect(navigation.pushes).toEqual(["/dashboard"]));
    expect(navigation.refreshes).toBeGreaterThan(0);
    expect(Number(browser.cookies.get("__client_uat"))).toBeGreaterThan(0);
    // Once, under StrictMode too: one hand-over.
    expect(
      browser.requests.filter((r) => r.startsWith("POST /__clerk/v1/client/sign_ups")),
    ).toHaveLength(1);

    const adaId = await userIdOf("ada@local.test");
    await waitFor(() => expect(user()?.user?.id).toBe(adaId));
    expect(user()?.user?.externalAccounts).toEqual([
      expect.objectContaining({
        provider: LOCAL_STRATEGY,
        providerUserId: "ada-1",
        emailAddress: "ada@local.test",
        firstName: "Ada",
        lastName: "Lovelace",
      }),
    ]);
    expect(user()?.user?.fullName).toBe("Ada Lovelace");
  });

  it("signs a known account in again: the same user, no new one", async () => {
    const first = createBrowserFetch(instance);
    await throughProvider(first, <SignIn />, "cat@local.test");
    const firstCallback = openCallback(first);
    await waitFor(() => expect(firstCallback.navigation.pushes).toEqual(["/"]));
    cleanup();
    const catId = await userIdOf("cat@local.test");

    const again = createBrowserFetch(instance);
    await throughProvider(again, <SignIn fallbackRedirectUrl="/home" />, "cat@local.test");
    const { navigation, user } = openCallback(again);
    await waitFor(() => expect(navigation.pushes).toEqual(["/home"]));
    await waitFor(() => expect(user()?.user?.id).toBe(catId));
    expect(again.requests.filter((r) => r.includes("/v1/client/sign_ups"))).toEqual([]);
  });

  it("links the provider account to the password user with the same verified address, and disconnects it (externalAccount.destroy)", async () => {
    const bobId = await createPasswordUser("bob@local.test");
    const browser = createBrowserFetch(instance);
    await throughProvider(browser, <SignIn afterSignInUrl="/dashboard" />, "bob@local.test");
    const { navigation, user } = openCallback(browser);
    await waitFor(() => expect(navigation.pushes).toEqual(["/dashboard"]));
    await waitFor(() => expect(user()?.user?.id).toBe(bobId));
    expect(user()?.user?.passwordEnabled).toBe(true);
    expect(user()?.user?.externalAccounts.map((a) => a.providerUserId)).toEqual(["bob-2"]);

    // Disconnected again: gone from the user, on the instance too.
    await act(() => user()?.user?.externalAccounts[0]?.destroy());
    await waitFor(() => expect(user()?.user?.externalAccounts).toEqual([]));
    const stored = await instance.call("GET", `/v1/users/${bobId}`);
    expect(stored.body.external_accounts).toEqual([]);
  });

  it("shows the refusal when the provider did not verify an address a password user has, with a way back", async () => {
    await createPasswordUser("eve@local.test");
    const browser = createBrowserFetch(instance);
    await throughProvider(browser, <SignIn afterSignInUrl="/dashboard" />, "eve@local.test");
    const { navigation, user } = openCallback(browser);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/hasn't verified this email address/);
    expect(screen.getByRole("heading", { name: "We couldn't sign you in" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to sign in" }).getAttribute("href")).toBe(
      "/sign-in",
    );
    expect(screen.queryByRole("status")).toBeNull();
    expect(navigation.pushes).toEqual([]);
    expect(user()?.isSignedIn).toBe(false);
    expect(browser.cookies.get("__session")).toBeUndefined();
  });

  it("<SignUp/> signs up through the provider; a known account is handed over to a sign-in (handleRedirectCallback, customNavigate)", async () => {
    const browser = createBrowserFetch(instance);
    const signUpPage = <SignUp afterSignUpUrl="/welcome" oauthCallbackUrl="/auth/callback" />;
    const { page } = await throughProvider(browser, signUpPage, "fay@local.test");
    expect(page).toBe(
      `/auth/callback?redirect_url=${encodeURIComponent(`${TEST_APP_ORIGIN}/welcome`)}`,
    );
    const created = openCallback(browser);
    await waitFor(() => expect(created.navigation.pushes).toEqual(["/welcome"]));
    cleanup();
    const fayId = await userIdOf("fay@local.test");

    const known = createBrowserFetch(instance);
    await throughProvider(known, signUpPage, "fay@local.test");
    let clerk: Clerk | undefined;
    const { navigation } = renderWithProvider(
      <Capture use={useClerk} into={(value) => (clerk = value)} />,
      { browser: known },
    );
    const went: string[] = [];
    await clerk?.handleRedirectCallback({}, (to) => {
      went.push(to);
    });
    expect(went).toEqual(["/welcome"]);
    expect(navigation.pushes).toEqual([]);
    expect(
      known.requests.filter((r) => r.startsWith("POST /__clerk/v1/client/sign_ins")),
    ).toHaveLength(1);
    expect(clerk?.user?.id).toBe(fayId);
  });

  it("continues a new account whose address the provider did not verify at the sign-up's email code step", async () => {
    const browser = createBrowserFetch(instance);
    await throughProvider(browser, <SignIn afterSignInUrl="/dashboard" />, "dan@local.test");
    const { navigation } = openCallback(browser);
    await waitFor(() => expect(navigation.pushes).toHaveLength(1));
    const next = navigation.pushes[0] as string;
    expect(next).toBe(
      `/sign-up/verify-email-address?redirect_url=${encodeURIComponent("/dashboard")}`,
    );
    cleanup();

    window.history.replaceState(null, "", next);
    const signUpPage = renderWithProvider(<SignUp routing="path" path="/sign-up" />, { browser });
    const code = await screen.findByLabelText("Verification code");
    expect(await screen.findByText(/dan@local\.test/)).toBeTruthy();
    await userEvent.setup().type(code, await latestEmailCode(instance, "dan@local.test"));
    await userEvent.setup().keyboard("{Enter}");
    await waitFor(() => expect(signUpPage.navigation.pushes).toEqual(["/dashboard"]));
    await userIdOf("dan@local.test");
  });
});
