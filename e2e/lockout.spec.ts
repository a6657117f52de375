import { E2E_MAX_ATTEMPTS } from "./e2e-settings";
import { expect, signIn, signUp, snap, test, uniqueEmail } from "./fixtures";

test("wrong passwords are refused, then the account is locked", async ({
  page,
  context,
}, testInfo) => {
  const email = uniqueEmail("locked");
  await signUp(page, email);
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await context.clearCookies();

  await page.goto("/sign-in");
  await signIn(page, email, "not-the-password-1");
  const alerts = page.getByRole("alert");
  await expect(alerts.filter({ hasText: /password is incorrect/i })).toBeVisible();
  await snap(page, testInfo, "sign-in-wrong-password");

  for (let attempt = 2; attempt <= E2E_MAX_ATTEMPTS; attempt++) {
    await page.goto("/sign-in");
    await signIn(page, email, `not-the-password-${attempt}`);
    await expect(alerts.first()).toBeVisible();
  }
  await expect(alerts.filter({ hasText: /locked/i })).toBeVisible();

  // Locked means locked: the right password is refused too, and no session appears.
  await page.goto("/sign-in");
  await signIn(page, email);
  await expect(alerts.filter({ hasText: /locked/i })).toBeVisible();
  await snap(page, testInfo, "sign-in-locked");
  const userinfo = await page.request.get("/api/userinfo");
  expect(userinfo.status()).toBe(401);
});
