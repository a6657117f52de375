// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formLeaks,
  renderOnServer,
  unmountHydrated,
} from "../../internal/server-render.test-helpers.js";
import { BusyForm } from "./busy-form.js";
import { FormField } from "./form-field.js";
import { SubmitButton } from "./submit-button.js";

const cls = () => "";

function PasswordForm(props: { onSubmit?: () => void; busy?: boolean }) {
  return (
    <BusyForm onSubmit={props.onSubmit ?? (() => undefined)} busy={props.busy ?? false} cls={cls}>
      <FormField
        formId="f"
        name="password"
        label="Password"
        type="password"
        value=""
        onChange={() => undefined}
        error={undefined}
        cls={cls}
      />
      <SubmitButton busy={props.busy ?? false} cls={cls}>
        Continue
      </SubmitButton>
    </BusyForm>
  );
}

describe("<BusyForm/>", () => {
  afterEach(() => {
    cleanup();
    unmountHydrated();
  });

  it("server-renders a form that posts, cannot be submitted and names no field", () => {
    const html = document.createElement("div");
    html.innerHTML = renderToString(<PasswordForm />);
    expect(formLeaks(html)).toEqual([]);
    expect(html.querySelector("form")?.getAttribute("method")).toBe("post");
    expect(html.querySelector("noscript")?.textContent).toMatch(/needs JavaScript/);
  });

  it("hydrates without a mismatch, then enables its button and names its fields", async () => {
    const page = renderOnServer(<PasswordForm />);
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Continue" });
    expect(button.disabled).toBe(true);
    expect(page.container.querySelector("form")?.hasAttribute("data-latchkey-hydrated")).toBe(
      false,
    );
    await page.hydrate();
    expect(page.recoverableErrors).toEqual([]);
    expect(button.disabled).toBe(false);
    expect(screen.getByLabelText("Password").getAttribute("name")).toBe("password");
    expect(page.container.querySelector("form")?.hasAttribute("data-latchkey-hydrated")).toBe(true);
  });

  it("posts when rendered on the client, and never lets the browser submit it", () => {
    const onSubmit = vi.fn();
    const { container } = render(<PasswordForm onSubmit={onSubmit} />);
    const form = container.querySelector("form") as HTMLFormElement;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.method).toBe("post");
    // `dispatchEvent` answers false when a handler called `preventDefault()`.
    expect(fireEvent.submit(form)).toBe(false);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("while busy: read-only fields, aria-disabled (still focusable) buttons, no second submit", () => {
    const onSubmit = vi.fn();
    const { container, rerender } = render(<PasswordForm onSubmit={onSubmit} />);
    const button = screen.getByRole<HTMLButtonElement>("button", { name: "Continue" });
    const input = screen.getByLabelText<HTMLInputElement>("Password");
    button.focus();
    rerender(<PasswordForm onSubmit={onSubmit} busy />);
    expect(container.querySelector("form")?.getAttribute("aria-busy")).toBe("true");
    expect(input.readOnly).toBe(true);
    expect(button.disabled).toBe(false);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.submit(container.querySelector("form") as HTMLFormElement);
    expect(onSubmit).not.toHaveBeenCalled();

    rerender(<PasswordForm onSubmit={onSubmit} />);
    expect(input.readOnly).toBe(false);
    expect(button.hasAttribute("aria-disabled")).toBe(false);
  });
});
