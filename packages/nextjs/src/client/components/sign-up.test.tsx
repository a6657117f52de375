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
  latestEmailCode,
  renderWithProvider,
  TEST_PASSWORD,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { SignUp } from "./sign-up.js";
import { SignedIn } from "./signed-in.js";
import { SignedOut } from "./signed-out.js";

describe("<SignUp/> against a real instance", () => {
  const instance = useTestInstance();
  afterEach(() => {
    cleanup();
    unmountHydrated();
    window.history.replaceState(null, "", "/");
  });

  it("signs up with email + password and the mailed code, then lands signed in", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(
      <>
        <SignedOut>
          <SignUp routing="path" path="/sign-up" afterSignUpUrl="/dashboard" />
        </SignedOut>
        <SignedIn>
          <p>Account ready</p>
        </SignedIn>
      </>,
      { browser },
    );
    await user.type(await screen.findByLabelText("Email address"), "new@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const codeInput = await screen.findByLabelText("Verification code");
    expect(window.location.pathname).toBe("/sign-up/verify-email-address");
    expect(codeInput.closest("form")?.getAttribute("method")).toBe("post");
    expect(document.activeElement).toBe(codeInput);
    expect(browser.cookies.has("__session")).toBe(false);
    await user.type(codeInput, await latestEmailCode(instance, "new@example.com"));
    await user.click(screen.getByRole("button", { name: "Verify" }));

    await screen.findByText("Account ready");
    expect(navigation.pushes).toEqual(["/dashboard"]);
    expect(navigation.refreshes).toBeGreaterThan(0);
    expect(browser.cookies.get("__session")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const users = await instance.call("GET", "/v1/users?email_address=new@example.com");
    expect(users.body).toHaveLength(1);
  });

  it("accepts 424242 for a +clerk_test address and shows a wrong code beside the field", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignUp />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "dev+clerk_test@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    const codeInput = await screen.findByLabelText("Verification code");
    await user.type(codeInput, "111111");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(codeInput.getAttribute("aria-invalid")).toBe("true"));
    expect(
      document.getElementById(codeInput.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toMatch(/incorrect/i);
    await user.clear(codeInput);
    await user.type(codeInput, "424242");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(navigation.pushes).toEqual(["/"]));
  });

  it("shows a taken email address beside the email field", async () => {
    const browser = createBrowserFetch(instance);
    await instance.call("POST", "/v1/users", {
      body: { email_address: ["taken@example.com"], password: TEST_PASSWORD },
    });
    const user = userEvent.setup();
    renderWithProvider(<SignUp />, { browser });
    await user.type(await screen.findByLabelText("Email address"), "taken@example.com");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    const email = screen.getByLabelText("Email address");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBeNull();
  });

  it("requires both fields before calling the instance", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    renderWithProvider(<SignUp />, { browser });
    await user.click(await screen.findByRole("button", { name: "Continue" }));
    expect(screen.getByLabelText("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
    expect(browser.requests.filter((r) => r.startsWith("POST"))).toEqual([]);
  });

  it("adds appearance classes and the latchkey- classes", async () => {
    const browser = createBrowserFetch(instance);
    renderWithProvider(<SignUp appearance={{ elements: { formButtonPrimary: "my-button" } }} />, {
      browser,
      props: { appearance: { elements: { card: "my-card" } } },
    });
    const button = await screen.findByRole("button", { name: "Continue" });
    expect(button.className).toBe("latchkey-form-button-primary my-button");
    expect(document.querySelector(".latchkey-card")?.className).toBe("latchkey-card my-card");
    expect(
      document.querySelectorAll(
        'style[data-href="latchkey-default-styles"], style[href="latchkey-default-styles"]',
      ).length,
    ).toBeLessThanOrEqual(1);
  });

  it("server-renders a form that posts, cannot be submitted before hydration and names no field", () => {
    const browser = createBrowserFetch(instance);
    const page = renderOnServer(
      providerTree(<SignUp routing="path" path="/sign-up" />, browser).tree,
    );
    expect(formLeaks(page.container)).toEqual([]);
  });

  it("keeps what was typed before hydration and signs up with it", async () => {
    const browser = createBrowserFetch(instance);
    const page = renderOnServer(providerTree(<SignUp />, browser).tree);
    typeBeforeHydration(page.container, "Email address", "early-bird@example.com");
    typeBeforeHydration(page.container, "Password", TEST_PASSWORD);
    await page.hydrate();
    expect(page.recoverableErrors).toEqual([]);
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Continue" });
    expect(button.disabled).toBe(false);
    await userEvent.setup().click(button);
    const codeInput = await screen.findByLabelText("Verification code");
    expect(codeInput.closest("form")?.getAttribute("method")).toBe("post");
    expect(await latestEmailCode(instance, "early-bird@example.com")).toMatch(/^\d{6}$/);
  });

  it("shows the password rules up front and checks the length before calling the instance", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    renderWithProvider(<SignUp />, { browser });
    const password = await screen.findByLabelText("Password");
    expect(password.getAttribute("minlength")).toBe("8");
    expect(password.getAttribute("maxlength")).toBe("72");
    expect(password.getAttribute("passwordrules")).toBe("minlength: 8; maxlength: 72;");
    expect(password.getAttribute("autocomplete")).toBe("new-password");
    const hint = document.getElementById(password.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("At least 8 characters.");

    await user.type(screen.getByLabelText("Email address"), "short@example.com");
    await user.type(password, "seven77");
    await user.keyboard("{Enter}");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-describedby")?.split(" ")).toHaveLength(2);
    expect(screen.getByText("Use at least 8 characters for your password.")).toBeTruthy();
    expect(browser.requests.filter((r) => r.startsWith("POST"))).toEqual([]);
  });

  it("says a malformed or taken address in plain words, never the instance's parameter names", async () => {
    const browser = createBrowserFetch(instance);
    await instance.call("POST", "/v1/users", {
      body: { email_address: ["in-use@example.com"], password: TEST_PASSWORD },
    });
    const user = userEvent.setup();
    renderWithProvider(<SignUp />, { browser });
    const email = await screen.findByLabelText("Email address");
    await user.type(email, "in-use@");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = () =>
      document.getElementById(email.getAttribute("aria-describedby") ?? "")?.textContent;
    expect(describedBy()).toBe("Enter a valid email address, like name@example.com.");

    await user.type(email, "example.com");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(describedBy()).toMatch(/^An account with this email address/));
    expect(document.body.textContent).not.toMatch(/email_address|identifier/);
  });

  it("goes back from the code step to change the address, with the email field focused", async () => {
    const browser = createBrowserFetch(instance);
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(<SignUp routing="path" path="/sign-up" />, {
      browser,
    });
    await user.type(await screen.findByLabelText("Email address"), "typo+clerk_test@example.con");
    await user.type(screen.getByLabelText("Password"), TEST_PASSWORD);
    await user.keyboard("{Enter}");
    await screen.findByLabelText("Verification code");
    expect(screen.getByRole("status").textContent).toBe("");

    const back = screen.getByRole("button", { name: "Use another email address" });
    await user.click(back);
    const email = await screen.findByLabelText<HTMLInputElement>("Email address");
    expect(window.location.pathname).toBe("/sign-up");
    expect(document.activeElement).toBe(email);
    expect(email.value).toBe("typo+clerk_test@example.con");
    await user.clear(email);
    await user.type(email, "fixed+clerk_test@example.com{Enter}");
    const code = await screen.findByLabelText("Verification code");
    expect(
      screen.getByText("Enter the code we sent to fixed+clerk_test@example.com."),
    ).toBeTruthy();
    await user.type(code, "424242{Enter}");
    await waitFor(() => expect(navigation.pushes).toEqual(["/"]));
    const users = await instance.call(
      "GET",
      `/v1/users?email_address=${encodeURIComponent("fixed+clerk_test@example.com")}`,
    );
    expect(users.body).toHaveLength(1);
  });
});
