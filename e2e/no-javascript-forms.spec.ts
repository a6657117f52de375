// No form of ours may put a secret in a URL. Before React hydrates them (JavaScript off, or the
// scripts still loading) the sign-in and sign-up forms are inert: they post, their submit button is
// disabled and their fields have no name yet. Every request the page makes is recorded and
// checked for the email address and the password; the log scan at teardown (log-scan.ts) checks
// the demo's and the instance's logs for EARLY_PASSWORD.
import type { Page, Request } from "@playwright/test";
import { EARLY_PASSWORD, expect, signUp, snap, test, uniqueEmail } from "./fixtures";

/** Records every request the page makes from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

/** The forms `secret` may take in a URL: as typed, percent-encoded, form-encoded. */
function spellings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ];
}

/**
 * The requests whose URL holds one of `secrets` (or whose body does, for `inBodies`), named by
 * method and path only, so a failure never prints the secret.
 */
function leaks(
  requests: readonly Request[],
  secrets: readonly string[],
  inBodies = false,
): string[] {
  const all = secrets.flatMap(spellings);
  return requests.flatMap((request) => {
    const where = [request.url(), ...(inBodies ? [request.postData() ?? ""] : [])];
    return where.some((text) => all.some((secret) => text.includes(secret)))
      ? [`${request.method()} ${new URL(request.url()).pathname}`]
      : [];
  });
}

/** The page loads (the top frame's navigations), as method and path. */
function navigations(requests: readonly Request[]): string[] {
  return requests
    .filter((r) => r.isNavigationRequest())
    .map((r) => `${r.method()} ${new URL(r.url()).pathname}`);
}

/** Whatever would start a submission the browser makes on its own: Enter, then a click. */
async function trySubmitting(page: Page): Promise<void> {
  await page.getByLabel("Password", { exact: true }).press("Enter");
  // `force`: a disabled button cannot be clicked, and that is the point; click where it is anyway.
  await page.getByRole("button", { name: "Continue", exact: true }).click({ force: true });
  // A submission would start its navigation at once; give it time to show up.
  await page.waitForTimeout(750);
}

const forms = [
  { path: "/sign-in", title: "Sign in" },
  { path: "/sign-up", title: "Create your account" },
] as const;

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, title } of forms) {
    test(`${path}: the form says it needs JavaScript and sends nothing, even when forced`, async ({
      page,
    }, testInfo) => {
      const email = uniqueEmail("no-js");
      const requests = recordRequests(page);
      await page.goto(path);
      await expect(page.getByRole("heading", { name: title })).toBeVisible();
      const form = page.locator("form");
      await expect(form).toHaveCount(1);
      await expect(form).toHaveAttribute("method", "post");
      // The `<noscript>` note (Playwright's text matching skips `noscript`: find it by attribute).
      const note = form.locator("[data-latchkey-noscript]");
      await expect(note).toBeVisible();
      await expect(note).toHaveText(/This form needs JavaScript/);

      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(EARLY_PASSWORD);
      await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeDisabled();
      await snap(page, testInfo, `${path.slice(1)}-without-javascript`);
      await trySubmitting(page);
      expect(navigations(requests)).toEqual([`GET ${path}`]);
      expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue(EARLY_PASSWORD);

      // Worst case: the browser submits the form anyway (`form.submit()` skips the disabled
      // button). It posts to the page, and the unnamed fields are not in the body.
      const submitted = page.waitForEvent("request", (r) => r.isNavigationRequest());
      await form.evaluate((element: HTMLFormElement) => element.submit());
      const request = await submitted;
      expect(request.method()).toBe("POST");
      expect(new URL(request.url()).pathname).toBe(path);
      expect(request.postData() ?? "").toBe("");
      const response = await request.response();
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { name: title })).toBeVisible();
      expect(leaks(requests, [EARLY_PASSWORD, email], true)).toEqual([]);

      // Had the fields gone with it: Next renders the page for a form POST that is not a server
      // action, without reading or logging the body (the log scan at teardown checks).
      const posted = await page.request.post(path, { form: { email, password: EARLY_PASSWORD } });
      expect(posted.status()).toBe(200);
      expect(await posted.text()).not.toContain(EARLY_PASSWORD);
    });
  }
});

test.describe("with JavaScript on, before hydration", () => {
  /** Holds the page's scripts until `release()`: the server's HTML without React. */
  async function holdScripts(page: Page): Promise<() => void> {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    await page.route(/\/_next\/static\/.+\.js(\?.*)?$/, async (route) => {
      await released;
      await route.continue();
    });
    return release;
  }

  test("/sign-in: typed text survives hydration, Continue before it sends nothing, after it signs in", async ({
    page,
    context,
  }, testInfo) => {
    const email = uniqueEmail("early");
    await signUp(page, email, EARLY_PASSWORD);
    await context.clearCookies();

    const requests = recordRequests(page);
    const release = await holdScripts(page);
    await page.goto("/sign-in", { waitUntil: "domcontentloaded" });
    const form = page.locator("form");
    await expect(form).toHaveAttribute("method", "post");
    await expect(form).not.toHaveAttribute("data-latchkey-hydrated");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(EARLY_PASSWORD);
    await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeDisabled();
    await trySubmitting(page);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(navigations(requests)).toEqual(["GET /sign-in"]);
    await snap(page, testInfo, "sign-in-before-hydration");

    release();
    await expect(form).toHaveAttribute("data-latchkey-hydrated", "");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue(EARLY_PASSWORD);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("user-email")).toHaveText(email);

    expect(leaks(requests, [EARLY_PASSWORD, email])).toEqual([]);
    // The password went to the Frontend API once, in a POST body, after hydration.
    const withPassword = requests.filter((r) => (r.postData() ?? "").includes(EARLY_PASSWORD));
    expect(withPassword.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual([
      "POST /__clerk/v1/client/sign_ins",
    ]);
  });

  test("/sign-up: typed text survives hydration and starts the sign-up", async ({ page }) => {
    const email = uniqueEmail("early-sign-up");
    const requests = recordRequests(page);
    const release = await holdScripts(page);
    await page.goto("/sign-up", { waitUntil: "domcontentloaded" });
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(EARLY_PASSWORD);
    await trySubmitting(page);
    expect(navigations(requests)).toEqual(["GET /sign-up"]);

    release();
    await expect(page.locator("form")).toHaveAttribute("data-latchkey-hydrated", "");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue(EARLY_PASSWORD);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.getByLabel("Verification code")).toBeVisible();
    await expect(page.locator("form")).toHaveAttribute("method", "post");
    expect(leaks(requests, [EARLY_PASSWORD, email])).toEqual([]);
  });
});

test("every form of the demo posts", async ({ page }) => {
  await signUp(page, uniqueEmail("forms"), EARLY_PASSWORD);
  await page.goto("/organizations");
  await page.getByRole("button", { name: /Personal account/ }).click();
  await page
    .getByRole("dialog", { name: "Switch organization" })
    .getByRole("button", { name: "New organization" })
    .click();
  // The page's server-action forms (React renders them as POSTs) and the switcher's create form.
  const methods = await page
    .locator("form")
    .evaluateAll((elements) => elements.map((form) => form.getAttribute("method")));
  expect(methods.length).toBeGreaterThanOrEqual(2);
  expect(methods.map((method) => method?.toLowerCase())).toEqual(methods.map(() => "post"));
});
