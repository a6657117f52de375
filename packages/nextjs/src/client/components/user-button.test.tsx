// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import {
  createBrowserFetch,
  renderWithProvider,
  signUpUser,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { SignedIn } from "./signed-in.js";
import { SignedOut } from "./signed-out.js";
import { UserButton } from "./user-button.js";

describe("<UserButton/> and sign-out against a real instance", () => {
  const instance = useTestInstance();
  afterEach(cleanup);

  it("opens with the keyboard, shows the user and signs out", async () => {
    const browser = createBrowserFetch(instance);
    const { sessionId } = await signUpUser(instance, browser, "menu@example.com");
    const user = userEvent.setup();
    const { navigation } = renderWithProvider(
      <>
        <SignedIn>
          <UserButton afterSignOutUrl="/goodbye" />
        </SignedIn>
        <SignedOut>
          <p>Signed out</p>
        </SignedOut>
      </>,
      { browser },
    );
    const trigger = await screen.findByRole("button", { name: /open user menu/i });
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    trigger.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu");
    expect(menu.textContent).toContain("menu@example.com");
    const signOut = screen.getByRole("menuitem", { name: "Sign out" });
    await waitFor(() => expect(document.activeElement).toBe(signOut));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.keyboard("{ArrowDown}");
    await screen.findByRole("menu");
    await user.keyboard("{Enter}");

    await screen.findByText("Signed out");
    expect(navigation.pushes).toEqual(["/goodbye"]);
    expect(browser.cookies.get("__client_uat")).toBe("0");
    expect(browser.cookies.has("__session")).toBe(false);
    const session = await instance.call("GET", `/v1/sessions/${sessionId}`);
    expect(session.body.status).toBe("ended");
  });

  it("opened with the mouse, focuses its first item and closes on Escape, focus back on the avatar", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "mouse@example.com");
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <UserButton />
        <input aria-label="Elsewhere" />
      </>,
      { browser },
    );
    const trigger = await screen.findByRole("button", { name: /open user menu/i });
    await user.click(trigger);
    const signOut = await screen.findByRole("menuitem", { name: "Sign out" });
    await waitFor(() => expect(document.activeElement).toBe(signOut));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);

    // Escape closes it even when focus went elsewhere meanwhile (a click on the page).
    await user.click(trigger);
    await screen.findByRole("menu");
    screen.getByLabelText("Elsewhere").focus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    // Tab out of the menu closes it.
    await user.click(trigger);
    await screen.findByRole("menu");
    await user.tab();
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("signs out to / by default, leaving the page before refreshing the server components", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "leave@example.com");
    const order: string[] = [];
    const user = userEvent.setup();
    renderWithProvider(<UserButton />, {
      browser,
      props: {
        routerPush: (url) => {
          order.push(`push ${url}`);
        },
        routerRefresh: () => {
          order.push("refresh");
        },
      },
    });
    await user.click(await screen.findByRole("button", { name: /open user menu/i }));
    await user.click(await screen.findByRole("menuitem", { name: "Sign out" }));
    // Refreshing a protected page first would send it to the sign-in page instead of "/".
    await waitFor(() => expect(order).toEqual(["push /", "refresh"]));
  });
});
