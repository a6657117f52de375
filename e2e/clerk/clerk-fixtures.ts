// Shared pieces of the Clerk-SDK specs: the app's URL (from ./global-setup.ts), users made through
// the Backend API, the flows of Clerk's own components, and a record of every failed request the
// browser made (the wire gaps between clerk-js and the instance), attached to each test.
import { randomBytes } from "node:crypto";
import {
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Request,
  type TestInfo,
} from "@playwright/test";

/** Clerk's usual session token lifetime, kept by the instance of this run. */
export const SESSION_TOKEN_LIFETIME_SECONDS = 60;

/** The code a development instance accepts for `+clerk_test` addresses (no mail is sent). */
export const CLERK_TEST_CODE = "424242";

/** A password that passes the instance's rules (also scanned for in the logs). */
export { PASSWORD } from "../fixtures";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the specs through playwright.clerk.config.ts`);
  }
  return value;
}

/** One failed response or request, as the browser saw it. */
interface WireFailure {
  method: string;
  url: string;
  body: string | null;
  status: number | string;
  answer: string;
}

/** The request body, with password-like fields blanked (the record is attached to reports). */
function requestBody(request: Request): string | null {
  const body = request.postData();
  if (!body) return null;
  return body.replace(/((?:^|&)(?:password|new_password|current_password|code)=)[^&]*/g, "$1…");
}

/** What the browser saw of the app and the instance during one test. */
interface Wire {
  failures: WireFailure[];
  console: string[];
  /** Pages and server-component payloads, with the server SDK's verdict on each. */
  navigations: string[];
}

/**
 * Records the context's failed requests (status ≥ 400, network errors), console errors, and how
 * the server SDK judged each page request (`x-clerk-auth-status`, `-reason`, where it redirected).
 */
function watchWire(context: BrowserContext): Wire {
  const failures: WireFailure[] = [];
  const consoleLines: string[] = [];
  const navigations: string[] = [];
  context.on("response", async (response) => {
    const headers = response.headers();
    const status = headers["x-clerk-auth-status"];
    if (status) {
      const url = new URL(response.url());
      const reason = headers["x-clerk-auth-reason"] ?? "";
      const location = headers.location ? ` → ${headers.location.slice(0, 160)}` : "";
      navigations.push(
        `${response.status()} ${response.request().method()} ${url.pathname}${url.search.includes("_rsc=") ? " (RSC)" : ""} ${status} ${reason}${location}`,
      );
    }
    if (response.status() < 400) return;
    const request = response.request();
    // Recorded at once (the test may end before the body is read), the answer filled in after.
    const failure: WireFailure = {
      method: request.method(),
      url: request.url(),
      body: requestBody(request),
      status: response.status(),
      answer: "",
    };
    failures.push(failure);
    failure.answer = (await response.text().catch(() => "(body unavailable)")).slice(0, 2000);
  });
  context.on("requestfailed", (request) => {
    // Navigating cancels the app's own pending requests (Next's prefetches, the server action
    // Clerk's provider runs after a sign-in): not a failure. The Frontend API's are recorded.
    const aborted = request.failure()?.errorText === "net::ERR_ABORTED";
    if (aborted && !new URL(request.url()).pathname.startsWith("/__clerk/")) return;
    failures.push({
      method: request.method(),
      url: request.url(),
      body: requestBody(request),
      status: "network",
      answer: request.failure()?.errorText ?? "",
    });
  });
  context.on("console", (message) => {
    // Clerk warns on every page that development keys are in use: expected here.
    if (message.text().includes("loaded with development keys")) return;
    if (message.type() === "error" || message.type() === "warning") {
      consoleLines.push(`[${message.type()}] ${message.text()}`);
    }
  });
  context.on("page", (page) => {
    page.on("pageerror", (error) => consoleLines.push(`[pageerror] ${error.message}`));
  });
  return { failures, console: consoleLines, navigations };
}

/** `test` on the app started by the global setup, recording wire failures per test. */
export const test = base.extend<{ wire: Wire }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature.
  baseURL: async ({}, use) => {
    await use(requiredEnv("E2E_BASE_URL"));
  },
  wire: [
    async ({ context }, use, testInfo) => {
      const wire = watchWire(context);
      await use(wire);
      await testInfo.attach("navigations.txt", {
        body: wire.navigations.join("\n"),
        contentType: "text/plain",
      });
      if (testInfo.status !== testInfo.expectedStatus) {
        console.log(`\n--- ${testInfo.title}: pages as the server SDK saw them ---`);
        console.log(wire.navigations.join("\n"));
      }
      if (wire.failures.length > 0 || wire.console.length > 0) {
        const text = [
          ...wire.failures.map(
            (f) =>
              `${f.method} ${f.url}${f.body ? `\n  body: ${f.body}` : ""}\n  → ${f.status} ${f.answer}`,
          ),
          ...wire.console,
        ].join("\n");
        await testInfo.attach("wire-failures.txt", { body: text, contentType: "text/plain" });
        console.log(`\n--- ${testInfo.title}: failed requests and console errors ---\n${text}`);
      }
    },
    { auto: true },
  ],
});
export { expect };

/** A fresh `+clerk_test` address: no mail is sent, and the code is {@link CLERK_TEST_CODE}. */
export function testEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}+clerk_test@example.com`;
}

/** Calls the instance's Backend API with the secret key, as the app's server would. */
export async function backendApi(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${requiredEnv("E2E_INSTANCE_URL")}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${requiredEnv("E2E_CLERK_SECRET_KEY")}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates a user with a password through the Backend API, as an admin script would. */
export async function createUser(email: string, password: string): Promise<string> {
  const created = await backendApi("POST", "/v1/users", { email_address: [email], password });
  if (created.status !== 200 || typeof created.body.id !== "string") {
    throw new Error(`POST /v1/users answered ${created.status}: ${JSON.stringify(created.body)}`);
  }
  return created.body.id;
}

/** The Backend API's answer to `POST /v1/users/{id}/verify_password`: 200 right, 422 wrong. */
export async function verifyPasswordStatus(userId: string, password: string): Promise<number> {
  return (await backendApi("POST", `/v1/users/${userId}/verify_password`, { password })).status;
}

/** Saves a full-page screenshot in the test's output folder (`<name>.png`) and attaches it. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Types a one-time code into Clerk's code field (one input behind the six boxes). */
export async function enterCode(page: Page, code: string): Promise<void> {
  const field = page.getByRole("textbox", { name: "Enter verification code" });
  await field.click();
  await page.keyboard.type(code);
}

/** Signs in with `<SignIn/>`: identifier, then the password step. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
