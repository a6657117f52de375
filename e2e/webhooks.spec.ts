import { expect, signUp, snap, test, uniqueEmail } from "./fixtures";

test("a new user reaches the demo's own table through the user.created webhook", async ({
  page,
}, testInfo) => {
  const email = uniqueEmail("synced");
  await signUp(page, email);
  await expect(async () => {
    await page.goto("/synced-users");
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("user.");
  await expect(row).toContainText(/user_/);
  await snap(page, testInfo, "synced-users");
});
