// What the components say: plain words for the instance's error codes (never a parameter name
// or "identifier"), rules shown before anything fails, a lock that says how long it lasts and
// stays said, a fixed card width, a code field made for codes, an organization switcher that
// tells same-named organizations apart and marks the active one, distinct button names.
import { E2E_CLIENT_IP_HEADER, E2E_MAX_ATTEMPTS } from "./e2e-settings";
import { expect, PASSWORD, signIn, signUp, snap, test, uniqueEmail } from "./fixtures";

test.use({ extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: "192.0.2.36" } });

/** Texts of the instance that must never reach a person. */
const RAW = /email_address|identifier|slug can contain|Too many requests\.|is invalid|is missing/;

test("sign-up: rules up front, plain errors, a code field, one card width, a way back", async ({
  page,
}, testInfo) => {
  const taken = uniqueEmail("taken");
  await signUp(page, taken);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  const card = page.locator(".latchkey-card");
  const startWidth = (await card.boundingBox())?.width;
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toHaveAttribute("minlength", "8");
  await expect(password).toHaveAttribute("passwordrules", /minlength: 8/);
  await expect(password).toHaveAccessibleDescription("At least 8 characters.");

  // Too short: said before calling the instance, in words.
  await page.getByLabel("Email address").fill("ada@");
  await password.fill("short");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  // A malformed address and a taken one: the instance's codes, in plain words.
  await password.fill(PASSWORD);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
    "Enter a valid email address, like name@example.com.",
  );
  await page.getByLabel("Email address").fill(taken);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
    /An account with this email address already exists/,
  );
  await snap(page, testInfo, "sign-up-plain-errors");
  expect(await card.textContent()).not.toMatch(RAW);

  // The code step: a field for six digits, the same card width, a way back to the address.
  const email = uniqueEmail("words");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const code = page.getByLabel("Verification code");
  await expect(code).toHaveAttribute("maxlength", "6");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  expect((await card.boundingBox())?.width).toBe(startWidth);
  await code.fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(code).toHaveAccessibleDescription(/That code is incorrect/);
  await page.getByRole("button", { name: "Use another email address" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  expect((await card.boundingBox())?.width).toBe(startWidth);
});

test("a locked account says for how long, and keeps saying it", async ({ page }, testInfo) => {
  const email = uniqueEmail("lock-words");
  await signUp(page, email);
  await page.context().clearCookies();
  for (let attempt = 1; attempt <= E2E_MAX_ATTEMPTS; attempt++) {
    await page.goto("/sign-in");
    await signIn(page, email, `not-the-password-${attempt}`);
    await expect(page.getByRole("alert").first()).toBeVisible();
  }
  const locked =
    /locked after too many failed attempts\. Try again in \d+ (minutes?|seconds?|hours?)/;
  await expect(page.getByText(locked)).toBeVisible();
  await snap(page, testInfo, "sign-in-locked-words");

  // The next tries, right password included: still the lock and its time, never "Too many
  // requests".
  for (let attempt = 0; attempt < 2; attempt++) {
    await signIn(page, email);
    await expect(page.getByText(locked)).toBeVisible();
    expect(await page.locator(".latchkey-card").textContent()).not.toMatch(RAW);
  }
});

test("the switcher tells same-named organizations apart and marks the active one", async ({
  page,
}, testInfo) => {
  await signUp(page, uniqueEmail("twins"));
  await page.goto("/organizations");
  const trigger = page.getByRole("button", { name: /switch organization/ });
  const popup = page.getByRole("dialog", { name: "Switch organization" });
  const stamp = Date.now().toString(36);
  for (const slug of [`twin-a-${stamp}`, `twin-b-${stamp}`]) {
    await trigger.click();
    await popup.getByRole("button", { name: "New organization" }).click();
    await popup.getByLabel("Organization name").fill("Twin Co");
    await popup.getByLabel("Slug (optional)").fill(slug);
    await popup.getByRole("button", { name: "Create and switch" }).click();
    await expect(page.getByTestId("active-org")).toContainText(slug);
  }

  // A bad slug: plain words beside the field.
  await trigger.click();
  await popup.getByRole("button", { name: "New organization" }).click();
  await popup.getByLabel("Organization name").fill("Bad Slug Co");
  await popup.getByLabel("Slug (optional)").fill("Not A Slug!");
  await popup.getByRole("button", { name: "Create and switch" }).click();
  await expect(popup.getByLabel("Slug (optional)")).toHaveAccessibleDescription(
    /Use only lowercase letters, numbers and hyphens/,
  );
  expect(await popup.textContent()).not.toMatch(RAW);

  // Both twins are listed with their slugs; the active one is marked visibly and for screen
  // readers; every button has its own name.
  const twins = popup.getByRole("button", { name: "Twin Co", exact: true });
  await expect(twins).toHaveCount(2);
  const first = twins.filter({ hasText: `twin-a-${stamp}` });
  const second = twins.filter({ hasText: `twin-b-${stamp}` });
  await expect(first).toHaveCount(1);
  await expect(second).toHaveAttribute("aria-current", "true");
  await expect(second).toContainText("Active");
  await expect(first).not.toContainText("Active");
  await expect(first).not.toHaveAttribute("aria-current");
  await expect(second).toHaveAccessibleDescription(new RegExp(`twin-b-${stamp}.*Active`));
  await expect(page.getByRole("button", { name: "Create organization" })).toHaveCount(1);
  await snap(page, testInfo, "switcher-twins");
});
