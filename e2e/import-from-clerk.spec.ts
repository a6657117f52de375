import { IMPORTED_USER } from "./clerk-export";
import { expect, signIn, snap, test } from "./fixtures";

test("a user imported from Clerk's export signs in with their Clerk password and keeps their id", async ({
  page,
}, testInfo) => {
  await signIn(page, IMPORTED_USER.email, IMPORTED_USER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText(IMPORTED_USER.email);
  await expect(page.getByTestId("user-id")).toHaveText(IMPORTED_USER.id);
  await snap(page, testInfo, "imported-user-dashboard");

  // The app's own API sees the same id the app's tables already point at.
  const info = await page.request.get("/api/userinfo");
  expect(((await info.json()) as { userId: string }).userId).toBe(IMPORTED_USER.id);

  // A wrong password is still refused.
  await page.context().clearCookies();
  await signIn(page, IMPORTED_USER.email, `${IMPORTED_USER.password}x`);
  await expect(page.getByRole("alert").filter({ hasText: /password is incorrect/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
