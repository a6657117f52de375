// Social sign-in through the local OpenID provider `latchkey dev` starts beside the instance
// (latchkey.dev.json: "Local provider", with ada@, grace@ and linus@local.test, linus's address
// unverified there): sign up and in again as the same user, link to a password account with the
// same verified address, and the refusal when the provider did not verify the address.
import type { Page, TestInfo } from "@playwright/test";
import { expect, signUp, snap, test } from "./fixtures";

const BUTTON = "Continue with Local provider";

/**
 * From the sign-in or sign-up page shown, goes through the provider's sign-in page as `email`
 * and back to the app. The provider's own session is dropped first, so its page always asks.
 */
async function continueWithLocalProvider(
  page: Page,
  email: string,
  testInfo?: TestInfo,
): Promise<void> {
  const app = new URL(page.url()).origin;
  await page.context().clearCookies({ domain: /^(?!localhost$)/ });
  await page.getByRole("button", { name: BUTTON }).click();
  await page.waitForURL((url) => url.origin !== app);
  const field = page.getByRole("textbox", { name: "Email address" });
  await expect(field).toBeVisible();
  if (testInfo) await snap(page, testInfo, "provider-sign-in-page");
  await field.fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.origin === app);
}

async function userId(page: Page): Promise<string> {
  const info = await page.request.get("/api/userinfo");
  expect(info.status()).toBe(200);
  const body = (await info.json()) as { userId: string };
  return body.userId;
}

async function signOut(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: /open user menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
}

test("Continue with Local provider: a new account, then the same one again", async ({
  page,
}, testInfo) => {
  await page.goto("/sign-in");
  const button = page.getByRole("button", { name: BUTTON });
  await expect(button).toBeEnabled();
  await expect(page.getByText("or", { exact: true })).toBeVisible();
  await snap(page, testInfo, "sign-in-with-provider-button");

  await continueWithLocalProvider(page, "ada@local.test", testInfo);
  await page.waitForURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText("ada@local.test");
  await expect(page.getByTestId("user-name")).toHaveText("Ada Lovelace");
  await snap(page, testInfo, "dashboard-after-provider");
  const first = await userId(page);
  expect(first).toMatch(/^user_/);

  await signOut(page);
  await page.goto("/sign-in");
  await continueWithLocalProvider(page, "ada@local.test");
  await page.waitForURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText("ada@local.test");
  expect(await userId(page)).toBe(first);
});

test("the provider's account is linked to the password account with the same address", async ({
  page,
}) => {
  await signUp(page, "grace@local.test");
  await page.goto("/dashboard");
  const passwordUser = await userId(page);
  await signOut(page);

  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await continueWithLocalProvider(page, "grace@local.test");
  await page.waitForURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText("grace@local.test");
  expect(await userId(page)).toBe(passwordUser);
});

test("an address the provider did not verify cannot take over the password account", async ({
  page,
}, testInfo) => {
  await signUp(page, "linus@local.test");
  await signOut(page);

  await page.goto("/sign-in");
  await continueWithLocalProvider(page, "linus@local.test");
  await expect(page).toHaveURL(/\/sso-callback/);
  // Scoped: Next's route announcer is an (empty) alert too.
  const callback = page.locator('[data-latchkey-component="authenticate-with-redirect-callback"]');
  const alert = callback.getByRole("alert");
  await expect(alert).toContainText("hasn't verified this email address");
  await expect(callback.getByRole("heading", { name: "We couldn't sign you in" })).toBeVisible();
  await snap(page, testInfo, "provider-refused");
  expect((await page.request.get("/api/userinfo")).status()).toBe(401);

  await page.getByRole("link", { name: "Back to sign in" }).click();
  await page.waitForURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
});
