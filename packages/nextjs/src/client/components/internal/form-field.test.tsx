// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  renderOnServer,
  typeBeforeHydration,
  unmountHydrated,
} from "../../internal/server-render.test-helpers.js";
import { FormField } from "./form-field.js";

/** A controlled field as the components use it, showing its state and able to re-render. */
function EmailField(props: { initial?: string }) {
  const [value, setValue] = useState(props.initial ?? "");
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <>
      <FormField
        formId="f"
        name="email"
        label="Email address"
        type="email"
        value={value}
        onChange={setValue}
        error={error}
        cls={() => ""}
      />
      <output data-testid="state">{value}</output>
      <button type="button" onClick={() => setError("Checked.")}>
        Re-render
      </button>
    </>
  );
}

describe("<FormField/>", () => {
  afterEach(() => {
    cleanup();
    unmountHydrated();
  });

  it("keeps text typed before hydration, in the input and in the state, across re-renders", async () => {
    const page = renderOnServer(<EmailField />);
    typeBeforeHydration(page.container, "Email address", "early@example.com");
    await page.hydrate();
    expect(page.recoverableErrors).toEqual([]);
    expect(screen.getByTestId("state").textContent).toBe("early@example.com");

    await userEvent.setup().click(screen.getByRole("button", { name: "Re-render" }));
    const input = screen.getByLabelText<HTMLInputElement>("Email address");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.value).toBe("early@example.com");
  });

  it("keeps a pre-filled value the visitor edited before hydration, and an untouched one", async () => {
    const edited = renderOnServer(<EmailField initial="ada@example.com" />);
    typeBeforeHydration(edited.container, "Email address", "grace@example.com");
    await edited.hydrate();
    expect(edited.container.querySelector("output")?.textContent).toBe("grace@example.com");
    unmountHydrated();

    const untouched = renderOnServer(<EmailField initial="ada@example.com" />);
    await untouched.hydrate();
    expect(untouched.container.querySelector("output")?.textContent).toBe("ada@example.com");
  });

  it("has no name in the server's HTML and gets it once hydrated or rendered on the client", async () => {
    const page = renderOnServer(<EmailField />);
    const input = screen.getByLabelText("Email address");
    expect(input.hasAttribute("name")).toBe(false);
    await page.hydrate();
    expect(input.getAttribute("name")).toBe("email");
    unmountHydrated();

    render(<EmailField />);
    expect(screen.getByLabelText("Email address").getAttribute("name")).toBe("email");
  });
});
