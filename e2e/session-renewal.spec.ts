import { E2E_TOKEN_LIFETIME_SECONDS } from "./e2e-settings";
import { expect, signUp, snap, test, uniqueEmail } from "./fixtures";

function sessionCookie(cookies: { name: string; value: string }[]): string | undefined {
  return cookies.find((cookie) => cookie.name === "__session")?.value;
}

test("an expired session token is renewed on reload, without a redirect loop", async ({
  page,
  context,
}, testInfo) => {
  const email = uniqueEmail("renew");
  await signUp(page, email);
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);
  const before = sessionCookie(await context.cookies());
  expect(before).toBeTruthy();

  // Wait past the token's lifetime; keep the page idle so nothing renews it meanwhile.
  await page.goto("about:blank");
  await page.waitForTimeout((E2E_TOKEN_LIFETIME_SECONDS + 3) * 1000);

  // Every document request (redirect hops included) and every committed navigation.
  const documentRequests: string[] = [];
  const navigations: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documentRequests.push(request.url());
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText(email);
  // One document request, and the page never left /dashboard: no hop through /sign-in, an
  // interstitial or a client-side redirect. (The app router may update history in place, which
  // counts as a same-URL navigation.)
  await page.waitForLoadState("networkidle");
  expect(documentRequests).toHaveLength(1);
  expect(navigations.length).toBeGreaterThan(0);
  for (const url of navigations) expect(new URL(url).pathname).toBe("/dashboard");
  const after = sessionCookie(await context.cookies());
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);
  await snap(page, testInfo, "dashboard-after-renewal");

  // And once more: the renewed cookie is used as is.
  await page.reload();
  await expect(page.getByTestId("user-email")).toHaveText(email);
});
