// A short journey through an app made by create-latchkey-app, installed and built outside the
// repository (see global-setup.ts): sign up, the protected dashboard, an API route.
import { randomBytes } from "node:crypto";
import { expect, PASSWORD, snap, test } from "../fixtures";

test("a new app signs up a user, shows the dashboard and answers /api/userinfo", async ({
  page,
  request,
}, testInfo) => {
  // `+clerk_test` addresses accept 424242 in development: no mailbox needed.
  const email = `starter-${randomBytes(5).toString("hex")}+clerk_test@example.com`;

  await page.goto("/sign-up");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByLabel("Verification code").fill("424242");
  await page.getByRole("button", { name: "Verify" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await expect(page.getByTestId("user-id")).toHaveText(/^user_/);
  await snap(page, testInfo, "starter-dashboard");

  const info = await page.request.get("/api/userinfo");
  expect(info.status()).toBe(200);
  const body = (await info.json()) as { userId: string; email: string };
  expect(body).toEqual({ userId: expect.stringMatching(/^user_/), email });

  // Without the session cookie: 401, not a redirect.
  const anonymous = await request.get("/api/userinfo", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
});
