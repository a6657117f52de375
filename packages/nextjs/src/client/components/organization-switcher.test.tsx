// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useAuth } from "../hooks/use-auth.js";
import { useOrganizationList } from "../hooks/use-organization-list.js";
import {
  Capture,
  createBrowserFetch,
  holdRequests,
  renderWithProvider,
  signUpUser,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { OrganizationSwitcher } from "./organization-switcher.js";

function OrgProbe() {
  const { orgId, orgRole, orgSlug, has } = useAuth();
  return (
    <p data-testid="org">
      {orgId ?? "personal"}|{orgRole ?? "-"}|{orgSlug ?? "-"}|{String(has({ role: "org:admin" }))}
    </p>
  );
}

describe("organizations against a real instance", () => {
  const instance = useTestInstance();
  afterEach(cleanup);

  it("switches the active organization with setActive (session touch) and back", async () => {
    const browser = createBrowserFetch(instance);
    const { userId, sessionId } = await signUpUser(instance, browser, "orgs@example.com");
    const org = await instance.call("POST", "/v1/organizations", {
      body: { name: "Acme", slug: "acme", created_by: userId },
    });
    expect(org.status).toBe(200);
    let list: ReturnType<typeof useOrganizationList> | undefined;
    const grab = (
      <Capture
        use={useOrganizationList}
        into={(value) => {
          list = value;
        }}
      />
    );
    const { navigation } = renderWithProvider(
      <>
        {grab}
        <OrgProbe />
      </>,
      { browser },
    );
    await waitFor(() => expect(screen.getByTestId("org").textContent).toBe("personal|-|-|false"));
    await list?.setActive({ organization: org.body.id });
    await waitFor(() =>
      expect(screen.getByTestId("org").textContent).toBe(`${org.body.id}|org:admin|acme|true`),
    );
    expect(navigation.refreshes).toBeGreaterThan(0);
    const session = await instance.call("GET", `/v1/sessions/${sessionId}`);
    expect(session.body.last_active_organization_id).toBe(org.body.id);

    await list?.setActive({ organization: null });
    await waitFor(() => expect(screen.getByTestId("org").textContent).toBe("personal|-|-|false"));
  });

  it("refuses an organization the user is not a member of", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "outsider@example.com");
    const org = await instance.call("POST", "/v1/organizations", { body: { name: "Other" } });
    let list: ReturnType<typeof useOrganizationList> | undefined;
    const grab = (
      <Capture
        use={useOrganizationList}
        into={(value) => {
          list = value;
        }}
      />
    );
    renderWithProvider(
      <>
        {grab}
        <OrgProbe />
      </>,
      { browser },
    );
    await waitFor(() => expect(screen.getByTestId("org").textContent).toBe("personal|-|-|false"));
    await expect(list?.setActive({ organization: org.body.id })).rejects.toMatchObject({
      errors: [expect.objectContaining({ code: "resource_not_found" })],
    });
    expect(screen.getByTestId("org").textContent).toBe("personal|-|-|false");
  });

  it("lists memberships, creates an organization and switches to it from <OrganizationSwitcher/>", async () => {
    const browser = createBrowserFetch(instance);
    const { userId } = await signUpUser(instance, browser, "switcher@example.com");
    await instance.call("POST", "/v1/organizations", {
      body: { name: "First Co", slug: "first-co", created_by: userId },
    });
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <OrganizationSwitcher />
        <OrgProbe />
      </>,
      { browser },
    );
    await user.click(await screen.findByRole("button", { name: /personal account/i }));
    await screen.findByRole("button", { name: "First Co" });
    await user.click(screen.getByRole("button", { name: "New organization" }));
    const nameInput = screen.getByLabelText("Organization name");
    expect(nameInput.closest("form")?.getAttribute("method")).toBe("post");
    await user.type(nameInput, "Second Co");
    await user.type(screen.getByLabelText("Slug (optional)"), "second-co");
    await user.click(screen.getByRole("button", { name: "Create and switch" }));
    await waitFor(() =>
      expect(screen.getByTestId("org").textContent).toMatch(/\|org:admin\|second-co\|true$/),
    );
    await user.click(screen.getByRole("button", { name: /second co/i }));
    await user.click(await screen.findByRole("button", { name: "First Co" }));
    await waitFor(() => expect(screen.getByTestId("org").textContent).toMatch(/\|first-co\|true$/));
  });

  it("is usable with the keyboard alone: Tab through the create form, caret keys stay in the field, focus back on the trigger", async () => {
    const browser = createBrowserFetch(instance);
    await signUpUser(instance, browser, "keys@example.com");
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <OrganizationSwitcher />
        <OrgProbe />
      </>,
      { browser },
    );
    const trigger = await screen.findByRole("button", { name: /personal account/i });
    trigger.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Switch organization" });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Personal account" })),
    );
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "New organization" }));
    await user.keyboard("{Enter}");

    const name = await screen.findByLabelText("Organization name");
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard("Keys Co");
    for (const key of ["{Home}", "{End}", "{ArrowUp}", "{ArrowDown}", "{ArrowLeft}"]) {
      await user.keyboard(key);
      expect(document.activeElement, key).toBe(name);
    }
    await user.tab();
    const slug = screen.getByLabelText("Slug (optional)");
    expect(document.activeElement).toBe(slug);
    expect(screen.queryByRole("dialog")).toBe(dialog);
    await user.keyboard("keys-co");
    await user.tab();
    const submit = screen.getByRole("button", { name: "Create and switch" });
    expect(document.activeElement).toBe(submit);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.getByTestId("org").textContent).toMatch(/\|keys-co\|true$/));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /keys co/i }));

    // Escape closes from inside the form too.
    await user.keyboard("{ArrowDown}");
    await screen.findByRole("dialog");
    await user.click(screen.getByRole("button", { name: "New organization" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /keys co/i }));
  });

  it("shows each organization's slug, marks the active one, and keeps focus while switching", async () => {
    const browser = createBrowserFetch(instance);
    const { userId } = await signUpUser(instance, browser, "twins@example.com");
    for (const slug of ["twin-one", "twin-two"]) {
      await instance.call("POST", "/v1/organizations", {
        body: { name: "Twin", slug, created_by: userId },
      });
    }
    const slow = holdRequests(browser, /^POST .*\/touch$/);
    const user = userEvent.setup();
    renderWithProvider(
      <>
        <OrganizationSwitcher />
        <OrgProbe />
      </>,
      { browser: slow },
    );
    await user.click(await screen.findByRole("button", { name: /personal account/i }));
    const twins = await screen.findAllByRole("button", { name: "Twin" });
    expect(twins).toHaveLength(2);
    const descriptions = twins.map(
      (button) =>
        document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent,
    );
    expect(descriptions.sort()).toEqual(["twin-one", "twin-two"]);
    const personal = screen.getByRole("button", { name: "Personal account" });
    expect(personal.getAttribute("aria-current")).toBe("true");
    expect(personal.textContent).toContain("Active");
    expect(personal.textContent).toContain("✓");
    // Distinct names: the list's "New organization", the form's "Create and switch".
    expect(screen.queryAllByRole("button", { name: "Create organization" })).toEqual([]);

    const target = twins.find((button) => button.textContent?.includes("twin-two")) as HTMLElement;
    await user.click(target);
    await waitFor(() => expect(target.getAttribute("aria-disabled")).toBe("true"));
    expect(document.activeElement).toBe(target);
    await user.click(twins[0] as HTMLElement);
    expect(slow.held).toHaveLength(1);
    slow.release();
    await waitFor(() => expect(screen.getByTestId("org").textContent).toMatch(/\|twin-two\|true$/));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole("button", { name: /^Twin: switch/ }));

    await user.click(screen.getByRole("button", { name: /^Twin: switch/ }));
    const active = (await screen.findAllByRole("button", { name: "Twin" })).find(
      (button) => button.getAttribute("aria-current") === "true",
    );
    expect(active?.textContent).toContain("twin-two");
    expect(active?.textContent).toContain("Active");
  });
});
