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
  holdRequests,
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

  it("is busy while signing in and until it has left: read-only fields, focus kept, one request for a double click", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "busy@example.com");
    await signOutBrowser(browser);
    const slow = holdRequests(browser, /^POST .*\/v1\/client\/sign_ins$/);
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignIn afterSignInUrl="/dashboard" />, {
      browser: slow,
    });
    const email = await screen.findByLabelText<HTMLInputElement>("Email address");
    const password = screen.getByLabelText<HTMLInputElement>("Password");
    await user.type(email, "busy@example.com");
    await user.type(password, TEST_PASSWORD);
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Continue" });
    await user.dblClick(button);

    const form = button.closest("form") as HTMLFormElement;
    await waitFor(() => expect(form.getAttribute("aria-busy")).toBe("true"));
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    expect(email.readOnly).toBe(true);
    expect(password.readOnly).toBe(true);
    const other = screen.getByRole("button", { name: "Email me a code instead" });
    expect(other.getAttribute("aria-disabled")).toBe("true");
    await user.click(other);
    await user.type(password, "{Enter}");
    expect(slow.held).toEqual(["POST /__clerk/v1/client/sign_ins"]);

    slow.release();
    await waitFor(() => expect(navigation.pushes).toEqual(["/dashboard"]));
    // Signed in and leaving: still busy, so nothing can be sent again before the page is gone.
    expect(form.getAttribute("aria-busy")).toBe("true");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    await user.click(button);
    expect(slow.held).toHaveLength(1);
    expect(browser.requests.filter((r) => r.includes("/touch"))).toHaveLength(1);
  });

  it("goes Back from the code step to the email field, focused and filled in", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "back+clerk_test@example.com");
    await signOutBrowser(browser);
    const user = userEvent.setup();
    renderWithProvider(<SignIn />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "back+clerk_test@example.com");
    await user.click(screen.getByRole("button", { name: "Email me a code instead" }));
    const code = await screen.findByLabelText("Verification code");
    expect(document.activeElement).toBe(code);
    expect(code.getAttribute("maxlength")).toBe("6");
    expect(code.getAttribute("inputmode")).toBe("numeric");
    expect(code.getAttribute("autocomplete")).toBe("one-time-code");
    // The status region is there, empty, before anything is said in it.
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("");
    const resend = screen.getByRole("button", { name: "Resend code" });
    await user.click(resend);
    await waitFor(() => expect(status.textContent).toBe("A new code is on its way."));
    expect(screen.getByRole("status")).toBe(status);
    expect(document.activeElement).toBe(resend);

    await user.click(screen.getByRole("button", { name: "Back" }));
    const email = await screen.findByLabelText<HTMLInputElement>("Email address");
    expect(document.activeElement).toBe(email);
    expect(email.value).toBe("back+clerk_test@example.com");
  });

  it("speaks the provider's localization, messages of error codes included", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "hans@example.com");
    await signOutBrowser(browser);
    const user = userEvent.setup();
    renderWithProvider(<SignIn />, {
      browser,
      props: {
        localization: {
          formButtonPrimary: "Weiter",
          formFieldLabel__emailAddress: "E-Mail-Adresse",
          formFieldLabel__password: "Passwort",
          signIn: { start: { title: "Anmelden", actionLink: "Registrieren" } },
          unstable__errors: { form_password_incorrect: "Das Passwort stimmt nicht." },
        },
      },
    });
    expect(await screen.findByRole("heading", { name: "Anmelden" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Registrieren" })).toBeTruthy();
    await user.type(screen.getByLabelText("E-Mail-Adresse"), "hans@example.com");
    await user.type(screen.getByLabelText("Passwort"), "not-the-password-1");
    await user.click(screen.getByRole("button", { name: "Weiter" }));
    const password = screen.getByLabelText("Passwort");
    await waitFor(() => expect(password.getAttribute("aria-invalid")).toBe("true"));
    expect(
      document.getElementById(password.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Das Passwort stimmt nicht.");
    // Still English where nothing was given.
    expect(screen.getByRole("button", { name: "Email me a code instead" })).toBeTruthy();
  });

  it("says how long a locked account stays locked, and keeps saying it", async () => {
    const browser = createBrowserFetch(instance);
    const { userId } = await signUpUser(instance, browser, "locked@example.com");
    await signOutBrowser(browser);
    const locked = await instance.call("POST", `/v1/users/${userId}/lock`);
    expect(locked.status).toBe(200);
    const user = userEvent.setup();
    renderWithProvider(<SignIn />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "locked@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    const alert = await screen.findByText(/^Your account is locked/);
    expect(alert.textContent).toMatch(
      /Try again in \d+ (minutes?|hours?|seconds?)|Contact the site/,
    );
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByText(/^Your account is locked/)).toBeTruthy());
    expect(document.body.textContent).not.toMatch(/Too many requests|identifier/);
  });
});
