// Forms send once and stay busy until they are done: a double click on the demo's server-action
// forms creates one organization and sends one invitation, and on a slow network (Chromium's
// network emulation) the sign-in form is read-only, marked pending and deaf to more clicks from
// the first click until the dashboard has loaded.
import type { Page, Request } from "@playwright/test";
import { E2E_CLIENT_IP_HEADER } from "./e2e-settings";
import { expect, PASSWORD, signUp, snap, test, uniqueEmail } from "./fixtures";
import { focused } from "./keyboard";

test.use({ extraHTTPHeaders: { [E2E_CLIENT_IP_HEADER]: "192.0.2.35" } });

/** Records the page's POST requests to `path` (server actions post to the page's own path). */
function posts(page: Page, path: string | RegExp): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (request.method() !== "POST") return;
    if (typeof path === "string" ? pathname === path : path.test(pathname)) seen.push(request);
  });
  return seen;
}

/** Slows the page's network down: each request waits `latency` ms and trickles in. */
async function throttle(page: Page, latency: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
}

test("a double click creates one organization (made active, named by name) and sends one invitation", async ({
  page,
}, testInfo) => {
  await signUp(page, uniqueEmail("double"));
  await page.goto("/organizations");
  const name = `Twice ${Date.now().toString(36)}`;
  const actionPosts = posts(page, "/organizations");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create organization" }).dblclick();

  await expect(page.getByTestId("notice")).toHaveText(
    `Created “${name}”. It is now your active organization.`,
  );
  await expect(page.getByTestId("active-org")).toContainText(name);
  await expect(page.getByTestId("active-org")).toContainText("org:admin");
  await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
  expect(actionPosts).toHaveLength(1);
  await snap(page, testInfo, "organization-created-once");

  const invitee = uniqueEmail("invitee-twice");
  actionPosts.length = 0;
  await page.getByLabel("Email address").fill(invitee);
  const send = page.getByRole("button", { name: "Send invitation" });
  await send.dblclick();
  await expect(page.getByTestId("notice")).toHaveText(`Invitation sent to ${invitee}.`);
  expect(actionPosts).toHaveLength(1);
  // The redirect remounts the page: focus goes to the message, not to the page's body.
  await expect(page.getByTestId("notice")).toBeFocused();
  await expect(send).not.toHaveAttribute("aria-disabled");
});

test("on a slow network the demo's create form stays busy until its page is back", async ({
  page,
}) => {
  await signUp(page, uniqueEmail("slow-org"));
  await page.goto("/organizations");
  await throttle(page, 300);
  const name = `Slow ${Date.now().toString(36)}`;
  const field = page.getByLabel("Name", { exact: true });
  await field.fill(name);
  const button = page.getByRole("button", { name: "Create organization" });
  await button.click();
  const form = page.locator("form", { has: field });
  await expect(form).toHaveAttribute("aria-busy", "true");
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(field).toHaveAttribute("readonly", "");
  await expect(button).toBeFocused();
  await expect(page).toHaveURL(/created=/, { timeout: 30_000 });
  await expect(page.getByTestId("notice")).toContainText(name);
  await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
  // Back and idle: the form is usable again and emptied; focus is on its button, or on the
  // message when the page was remounted, never on the page's body.
  await expect(button).not.toHaveAttribute("aria-disabled");
  await expect(form).toHaveAttribute("aria-busy", "false");
  await expect(field).toHaveValue("");
  expect(await focused(page)).toMatch(/^(BUTTON Create organization|P Created)/);
});

test("on a slow network the sign-in form stays busy from the click until the dashboard", async ({
  page,
  context,
}, testInfo) => {
  const email = uniqueEmail("slow");
  await signUp(page, email);
  await context.clearCookies();
  await page.goto("/sign-in");
  await throttle(page, 400);
  const signIns = posts(page, "/__clerk/v1/client/sign_ins");
  const touches = posts(page, /\/__clerk\/v1\/client\/sessions\/[^/]+\/touch$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  const answered = page.waitForResponse((r) => r.url().includes("/v1/client/sign_ins"));
  const button = page.getByRole("button", { name: "Continue", exact: true });
  await button.click();

  // Busy at once: pending mark, read-only fields, focus kept; more clicks send nothing.
  const form = page.locator('[data-latchkey-component="sign-in"] form');
  await expect(form).toHaveAttribute("aria-busy", "true");
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("readonly", "");
  await expect(button).toBeFocused();
  await snap(page, testInfo, "sign-in-busy");
  // `force`: Playwright waits for an aria-disabled button to be enabled; a person clicks anyway.
  await button.click({ force: true });
  await page.keyboard.press("Enter");

  // Signed in: the form stays busy while the app navigates, and still ignores clicks.
  await answered;
  await expect(form).toHaveAttribute("aria-busy", "true");
  await button.click({ force: true, timeout: 2_000 }).catch(() => undefined);
  await page.waitForURL(/\/dashboard$/, { timeout: 30_000 });
  await expect(page.getByTestId("user-email")).toHaveText(email);
  expect(signIns).toHaveLength(1);
  expect(touches).toHaveLength(1);
});
