import { expect, signUp, snap, test, uniqueEmail } from "./fixtures";

test("create an organization, switch to it and pass the admin gate", async ({ page }, testInfo) => {
  const email = uniqueEmail("orgs");
  const name = `Acme ${Date.now().toString(36)}`;
  await signUp(page, email);

  await page.goto("/organizations");
  // Personal account: the admin section stays closed.
  await expect(page.getByTestId("admin-gate")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByTestId("notice")).toContainText(`Created “${name}”`);
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("org:admin");
  // The new organization is the active one: the session token names it, so
  // has({ role: "org:admin" }) holds.
  await expect(page.getByTestId("active-org")).toContainText("org:admin");
  await expect(page.getByTestId("admin-gate")).toHaveCount(0);
  await snap(page, testInfo, "organizations-created");

  // Switch to the personal account and back with the switcher.
  const dialog = page.getByRole("dialog", { name: "Switch organization" });
  await page.getByRole("button", { name: new RegExp(`^${name}: switch organization$`) }).click();
  await dialog.getByRole("button", { name: "Personal account", exact: true }).click();
  await expect(page.getByTestId("admin-gate")).toBeVisible();
  await page.getByRole("button", { name: /Personal account/ }).click();
  await dialog.getByRole("button", { name, exact: true }).click();
  await expect(page.getByTestId("active-org")).toContainText("org:admin");
  await expect(page.getByTestId("admin-gate")).toHaveCount(0);

  const invitee = uniqueEmail("invitee");
  await page.getByLabel("Email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("notice")).toContainText(`Invitation sent to ${invitee}`);
  await snap(page, testInfo, "organizations-admin");

  // The dashboard and the template token see the active organization too.
  await page.goto("/dashboard");
  await expect(page.getByTestId("active-org")).toContainText("org:admin");
  const token = await page.request.get("/api/token");
  const claims = ((await token.json()) as { claims: Record<string, unknown> }).claims;
  expect(claims.org).toEqual(expect.any(String));
  expect(claims.role).toBe("org:admin");
});
