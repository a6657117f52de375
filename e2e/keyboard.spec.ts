// Keyboard-only journeys through the components: focus never falls to the page's body when a
// button goes busy or away (Continue, Resend code, Back, switching, creating), the switcher's
// create form can be filled with Tab, Home/End/arrows stay in the text field, Escape closes
// the user menu however it was opened, and signing out lands on "/".
import { E2E_CLIENT_IP_HEADER } from "./e2e-settings";
import { emailCode, expect, PASSWORD, test, uniqueEmail } from "./fixtures";
import { focused, tabTo } from "./keyboard";

test.use({ extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: "192.0.2.34" } });

test("sign up (another address, resend, verify), sign in by code and back, keyboard only", async ({
  page,
  context,
}) => {
  const first = uniqueEmail("keys-typo");
  const email = uniqueEmail("keys");
  await page.goto("/sign-up");
  const emailField = page.getByLabel("Email address");
  await tabTo(page, emailField);
  await page.keyboard.type(first);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");

  // The code step opens with the code field focused; "Use another email address" goes back with
  // the email field focused (the button itself is gone).
  const code = page.getByLabel("Verification code");
  await expect(code).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Use another email address" }));
  await page.keyboard.press("Enter");
  await expect(emailField).toBeFocused();
  await expect(emailField).toHaveValue(first);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(email);
  const startedAt = Date.now() - 1000;
  await page.keyboard.press("Enter");
  await expect(code).toBeFocused();
  await expect(page.getByText(`Enter the code we sent to ${email}.`)).toBeVisible();

  // Resend code: focus stays on the button while it works, and the status line says so.
  const resend = page.getByRole("button", { name: "Resend code" });
  await tabTo(page, resend);
  const status = page.locator('[data-latchkey-component="sign-up"] [role="status"]');
  await expect(status).toHaveText("");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("A new code is on its way.");
  expect(await focused(page)).toBe("BUTTON Resend code");

  await tabTo(page, code, 10, true);
  await page.keyboard.type(await emailCode(email, startedAt));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));

  // Sign in: a wrong password keeps focus on Continue; "Email me a code instead", then Back,
  // returns to the email field.
  await context.clearCookies();
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-the-password-1");
  await tabTo(page, page.getByRole("button", { name: "Continue", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/password is incorrect/i)).toBeVisible();
  expect(await focused(page)).toBe("BUTTON Continue");
  await tabTo(page, page.getByRole("button", { name: "Email me a code instead" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Verification code")).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Back" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
});

test("organizations and the user menu, with the keyboard only", async ({ page }) => {
  const email = uniqueEmail("keys-orgs");
  const startedAt = Date.now() - 1000;
  await page.goto("/sign-up");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByLabel("Verification code").fill(await emailCode(email, startedAt));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));

  await page.goto("/organizations");
  const trigger = page.getByRole("button", { name: /switch organization/ });
  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  const popup = page.getByRole("dialog", { name: "Switch organization" });
  await expect(popup.getByRole("button", { name: "Personal account" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(popup.getByRole("button", { name: "New organization" })).toBeFocused();
  await page.keyboard.press("Enter");

  // The create form: keys that move the caret stay in the field; Tab goes on through the form.
  const name = popup.getByLabel("Organization name");
  await expect(name).toBeFocused();
  await page.keyboard.type("Keyboard Co");
  for (const key of ["Home", "End", "ArrowUp", "ArrowDown", "ArrowLeft"]) {
    await page.keyboard.press(key);
    await expect(name, key).toBeFocused();
  }
  await page.keyboard.press("Tab");
  const slugField = popup.getByLabel("Slug (optional)");
  await expect(slugField).toBeFocused();
  const slug = `keyboard-${Date.now().toString(36)}`;
  await page.keyboard.type(slug);
  await page.keyboard.press("Tab");
  await expect(popup.getByRole("button", { name: "Create and switch" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Created and active; the popup closed and focus is back on the switcher.
  await expect(page.getByTestId("active-org")).toContainText(slug);
  await expect(popup).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: /^Keyboard Co: switch organization$/ }),
  ).toBeFocused();

  // Switching back: arrows to "Personal account", Enter; focus returns to the trigger.
  await page.keyboard.press("ArrowDown");
  const active = popup.getByRole("button", { name: "Keyboard Co" });
  await expect(popup.getByRole("button", { name: "Personal account" })).toBeFocused();
  await expect(active).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("active-org")).toContainText("personal account");
  await expect(page.getByRole("button", { name: /^Personal account: switch/ })).toBeFocused();

  // Escape closes the user menu opened with the mouse, focus back on the avatar.
  const avatar = page.getByRole("button", { name: /open user menu/i });
  await avatar.click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(avatar).toBeFocused();

  // Sign out with the keyboard, from a protected page: it lands on "/", signed out.
  await page.goto("/dashboard");
  await tabTo(page, avatar);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/" && url.search === "");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
});
