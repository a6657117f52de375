// Shared pieces of the end-to-end specs: the app's URL (from e2e/global-setup.ts), reading email
// codes from the instance's development mailbox, and the sign-up and sign-in flows.
import { randomBytes } from "node:crypto";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through playwright.config.ts`);
  return value;
}

/** `test` whose `baseURL` is the demo started by the global setup. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
  baseURL: async ({}, use) => {
    await use(requiredEnv("E2E_BASE_URL"));
  },
});
export { expect };

/** The instance's own URL (Backend API, dev mailbox). */
export function instanceUrl(): string {
  return requiredEnv("E2E_INSTANCE_URL");
}

/** The instance's secret key (the admin console's sign-in; never logged, the teardown checks). */
export function instanceSecretKey(): string {
  return requiredEnv("E2E_INSTANCE_SECRET_KEY");
}

/** A fresh address for one test; the dev mailbox receives its mail. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.com`;
}

/** A password that passes the instance's rules. */
export const PASSWORD = "violet-harbor-canvas-42";

/** The password typed into forms before (or without) JavaScript: no URL or log may hold it. */
export const EARLY_PASSWORD = "amber-quarry-willow-58";

/** Saves a full-page screenshot of the current page as an attachment of the test. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
}

/** Waits for the newest email code sent to `email` (the mailbox's JSON view). */
export async function emailCode(email: string, after = 0): Promise<string> {
  const url = `${instanceUrl()}/__dev/mailbox?format=json&to=${encodeURIComponent(email)}`;
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(url);
        const body = (await response.json()) as {
          data: { otp_code: string | null; created_at: number }[];
        };
        code =
          body.data.find((mail) => mail.otp_code && mail.created_at >= after)?.otp_code ??
          undefined;
        return code;
      },
      { message: `an email code for ${email}`, timeout: 15_000 },
    )
    .toBeTruthy();
  return code as string;
}

/** Signs up with email, password and the emailed code; returns once the app has left /sign-up. */
export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  const startedAt = Date.now() - 1000;
  await page.goto("/sign-up");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  const code = await emailCode(email, startedAt);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  // The component activates the new session, then leaves the sign-up page.
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
}

/** Signs in with email and password from the sign-in page currently shown (or /sign-in). */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}
