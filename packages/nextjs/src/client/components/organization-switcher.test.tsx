// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { useAuth } from "../hooks/use-auth.js";
import { useOrganizationList } from "../hooks/use-organization-list.js";
import {
  Capture,
  createBrowserFetch,
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
});
