// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import {
  formLeaks,
  providerTree,
  renderOnServer,
  typeBeforeHydration,
  unmountHydrated,
} from "../internal/server-render.test-helpers.js";
import {
  createBrowserFetch,
  renderWithProvider,
  signOutBrowser,
  signUpUser,
  TEST_PASSWORD,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { SignIn } from "./sign-in.js";
import { SignedIn } from "./signed-in.js";
import { SignedOut } from "./signed-out.js";

describe("<SignIn/> against a real instance", () => {
  const instance = useTestInstance();
  afterEach(() => {
    cleanup();
    unmountHydrated();
    window.history.replaceState(null, "", "/");
  });

  it("signs in with email + password, activates the session and goes to afterSignInUrl", async () => {
    const browser = createBrowserFetch(instance);
    const { userId } = await signUpUser(instance, browser, "ada@example.com");
    await signOutBrowser(browser);
    expect(browser.cookies.get("__client_uat")).toBe("0");

    const user = userEvent.setup();
    const { navigation } = renderWithProvider(
      <>
        <SignedOut>
          <SignIn afterSignInUrl="/dashboard" />
        </SignedOut>
        <SignedIn>
          <p>Welcome back</p>
        </SignedIn>
      </>,
      { browser },
    );
    await user.type(await screen.findByLabelText("Email address"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");

    await screen.findByText("Welcome back");
    expect(navigation.pushes).toEqual(["/dashboard"]);
    expect(navigation.refreshes).toBeGreaterThan(0);
    expect(browser.cookies.get("__session")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Number(browser.cookies.get("__client_uat"))).toBeGreaterThan(0);
    const session = await instance.call("GET", `/v1/sessions?user_id=${userId}&status=active`);
    expect(session.body.length ?? session.body.data.length).toBe(1);
  });

  it("shows a wrong password beside the password field, with aria-invalid and aria-describedby", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "grace@example.com");
    await signOutBrowser(browser);

    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignIn />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "grace@example.com");
    await user.type(screen.getByLabelText("Password"), "not-the-password-1");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(password.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = password.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy ?? "")?.textContent).toMatch(
      /password is incorrect/i,
    );
    expect(screen.getByLabelText("Email address").getAttribute("aria-invalid")).toBeNull();
    expect(navigation.pushes).toEqual([]);
    expect(browser.cookies.get("__client_uat")).toBe("0");
  });

  it("shows an unknown account beside the email field", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    renderWithProvider(<SignIn />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "nobody@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const email = screen.getByLabelText("Email address");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText(/couldn't find your account/i).id).toBe(
      email.getAttribute("aria-describedby"),
    );
  });

  it("signs in with an emailed code ('Email me a code instead')", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "code+clerk_test@example.com");
    await signOutBrowser(browser);

    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignIn routing="path" path="/sign-in" />, {
      browser,
    });
    const emailInput = await screen.findByLabelText("Email address");
    expect(emailInput.closest("form")?.getAttribute("method")).toBe("post");
    await user.type(emailInput, "code+clerk_test@example.com");
    await user.click(screen.getByRole("button", { name: "Email me a code instead" }));
    const code = await screen.findByLabelText("Verification code");
    expect(code.closest("form")?.getAttribute("method")).toBe("post");
    expect(window.location.pathname).toBe("/sign-in/factor-one");
    await user.type(code, "000000");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(code.getAttribute("aria-invalid")).toBe("true"));
    await user.clear(code);
    await user.type(code, "424242");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(navigation.pushes).toEqual(["/"]));
    expect(Number(browser.cookies.get("__client_uat"))).toBeGreaterThan(0);
  });

  it("follows a same-origin redirect_url from the address bar and ignores an off-site one", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "redirect@example.com");
    await signOutBrowser(browser);
    window.history.replaceState(null, "", "/sign-in?redirect_url=https%3A%2F%2Fevil.example%2F");
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignIn afterSignInUrl="/home" />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "redirect@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(navigation.pushes).toEqual(["/home"]));
  });

  it("server-renders a form that posts, cannot be submitted before hydration and names no field", () => {
    const browser = createBrowserFetch(instance);
    const page = renderOnServer(
      providerTree(<SignIn routing="path" path="/sign-in" />, browser).tree,
    );
    expect(formLeaks(page.container)).toEqual([]);
    expect(
      screen.getByRole<HTMLButtonElement>("button", { name: "Email me a code instead" }).disabled,
    ).toBe(true);
  });

  it("keeps what was typed before hydration and signs in with it", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "early@example.com");
    await signOutBrowser(browser);
    const { tree, navigation } = providerTree(<SignIn afterSignInUrl="/dashboard" />, browser);
    const page = renderOnServer(tree);
    typeBeforeHydration(page.container, "Email address", "early@example.com");
    typeBeforeHydration(page.container, "Password", TEST_PASSWORD);
    await page.hydrate();
    expect(page.recoverableErrors).toEqual([]);
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Continue" });
    expect(button.disabled).toBe(false);
    await userEvent.setup().click(button);
    await waitFor(() => expect(navigation.pushes).toEqual(["/dashboard"]));
    expect(screen.getByLabelText<HTMLInputElement>("Email address").value).toBe(
      "early@example.com",
    );
  });
});
