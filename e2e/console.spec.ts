// The admin console (`/console`) in Chromium against the end-to-end instance: signed in with the
// keyboard, every section opened (axe finds no serious violation; each page saved as a screenshot
// under test-results/screenshots/console-*.png), and a user's life changed through it: banned,
// unbanned, metadata refused while it is not JSON and then saved; each change in the audit log.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { seriousAxeViolations } from "./axe";
import { IMPORTED_USER } from "./clerk-export";
import { expect, instanceSecretKey, instanceUrl, test } from "./fixtures";
import { tabTo } from "./keyboard";

const screenshotsDir = join(import.meta.dirname, "..", "test-results", "screenshots");

/** Saves the page as a screenshot and returns axe's serious findings on it, named by view. */
async function check(page: Page, testInfo: TestInfo, view: string): Promise<string[]> {
  await page.waitForLoadState("load");
  mkdirSync(screenshotsDir, { recursive: true });
  const body = await page.screenshot({
    fullPage: true,
    path: join(screenshotsDir, `console-${view}.png`),
  });
  await testInfo.attach(view, { body, contentType: "image/png" });
  return (await seriousAxeViolations(page)).map(
    (finding) => `${view}: ${finding.rule} ${finding.targets.join(", ")} — ${finding.summary}`,
  );
}

/** Signs in to the console with the keyboard only, as `name`. */
async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`${instanceUrl()}/console`);
  await expect(page).toHaveURL(/\/console\/sign-in$/);
  await tabTo(page, page.getByLabel(/your name/i));
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/secret key or console password/i)).toBeFocused();
  await page.keyboard.type(instanceSecretKey());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name} (secret key)`)).toBeVisible();
}

test.describe("admin console", () => {
  test("refuses a wrong key, saying so", async ({ page }, testInfo) => {
    await page.goto(`${instanceUrl()}/console/sign-in`);
    await page.getByLabel(/secret key or console password/i).fill("sk_test_notTheKey0123456789");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("neither the secret key");
    expect(await check(page, testInfo, "sign-in-refused")).toEqual([]);
  });

  test("every section opens, reachable by keyboard, with no serious axe finding", async ({
    page,
  }, testInfo) => {
    await signIn(page, "Ada Admin");
    const findings = await check(page, testInfo, "overview");
    const sections = page.getByRole("navigation", { name: "Console sections" });
    for (const [label, view] of [
      ["Users", "users"],
      ["Organizations", "organizations"],
      ["JWT templates", "jwt-templates"],
      ["Webhooks", "webhooks"],
      ["Keys & instance", "instance"],
      ["Audit log", "audit"],
    ] as const) {
      const link = sections.getByRole("link", { name: label });
      await tabTo(page, link, 60);
      await page.keyboard.press("Enter");
      await expect(link).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      findings.push(...(await check(page, testInfo, view)));
    }
    expect(findings).toEqual([]);
  });

  test("finds a user, bans and unbans them, and edits their metadata", async ({
    page,
  }, testInfo) => {
    await signIn(page, "Grace Admin");
    await page
      .getByRole("navigation", { name: "Console sections" })
      .getByRole("link", {
        name: "Users",
      })
      .click();
    await page.getByRole("searchbox", { name: "Search" }).fill("imported-from-clerk");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("Showing 1–1 of 1")).toBeVisible();
    await page.getByRole("link", { name: "Grete Müller" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Grete Müller" })).toBeVisible();
    await expect(page.getByText(IMPORTED_USER.id).first()).toBeVisible();
    const findings = await check(page, testInfo, "user");

    // Ban asks first; declining changes nothing.
    page.once("dialog", (dialog) => dialog.dismiss());
    await page.getByRole("button", { name: "Ban" }).click();
    await expect(page.getByText("Banned", { exact: true })).toHaveCount(0);
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Ban" }).click();
    await expect(page.getByRole("status")).toHaveText("User banned.");
    await expect(page.getByText("Banned", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Unban" }).click();
    await expect(page.getByRole("status")).toHaveText("User unbanned.");

    // Metadata: not JSON is caught as it is typed, and not sent.
    const publicMetadata = page.getByLabel(/public metadata/i);
    await publicMetadata.fill('{ "plan": ');
    await expect(publicMetadata).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/Not valid JSON/)).toBeVisible();
    await page.getByRole("button", { name: "Save metadata" }).click();
    // Not sent: the page stays, with what was typed.
    await expect(publicMetadata).toHaveValue('{ "plan": ');
    await expect(page.getByText("Metadata saved.")).toHaveCount(0);
    findings.push(...(await check(page, testInfo, "user-metadata-invalid")));
    await publicMetadata.fill('{ "plan": "pro" }');
    await expect(publicMetadata).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Save metadata" }).click();
    await expect(page.getByRole("status")).toHaveText("Metadata saved.");
    await expect(page.getByLabel(/public metadata/i)).toHaveValue(/"plan": "pro"/);

    // What was done, by whom, in the audit log.
    await page.getByRole("link", { name: "Audit log" }).click();
    const rows = page.getByRole("row");
    for (const action of ["user.ban", "user.unban", "user.metadata_replace"]) {
      await expect(
        rows.filter({ hasText: action }).filter({ hasText: "Grace Admin (secret key)" }),
      ).toHaveCount(1);
    }
    findings.push(...(await check(page, testInfo, "audit-after-changes")));
    expect(findings).toEqual([]);
  });

  test("creates an organization and invites to it, previews a template, replays a webhook, rotates the key", async ({
    page,
  }, testInfo) => {
    // An active session of the imported user, for the template preview.
    const started = await fetch(`${instanceUrl()}/v1/sessions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${instanceSecretKey()}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ user_id: IMPORTED_USER.id }),
    });
    expect(started.status).toBe(200);
    await signIn(page, "Linus Admin");
    const nav = page.getByRole("navigation", { name: "Console sections" });
    const status = page.getByRole("status").filter({ hasText: /\S/ }).first();

    // Organizations: create one with the imported user as its admin, invite, revoke.
    await nav.getByRole("link", { name: "Organizations" }).click();
    await page.getByRole("link", { name: "Create organization" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Console Guild");
    await page.getByLabel(/creator user id/i).fill(IMPORTED_USER.id);
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Console Guild" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Grete" })).toContainText("org:admin");
    const invitee = `invitee-${Date.now().toString(36)}@example.com`;
    await page.getByLabel("Email address").fill(invitee);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(status).toHaveText(`Invitation created for ${invitee}.`);
    const invitation = page.getByRole("row").filter({ hasText: invitee });
    await expect(invitation).toContainText("pending");
    page.once("dialog", (dialog) => dialog.accept());
    await invitation.getByRole("button", { name: "Revoke" }).click();
    await expect(status).toHaveText("Invitation revoked.");
    await expect(page.getByRole("row").filter({ hasText: invitee })).toContainText("revoked");
    const findings = await check(page, testInfo, "organization");

    // JWT templates: the demo's template, its claims rendered live for the imported user.
    await nav.getByRole("link", { name: "JWT templates" }).click();
    await page.getByRole("link", { name: "demo-backend" }).click();
    await page.getByLabel(/user id or email address/i).fill(IMPORTED_USER.email);
    await expect(page.locator("#preview-output")).toContainText(
      `"email": "${IMPORTED_USER.email}"`,
    );
    findings.push(...(await check(page, testInfo, "jwt-template-preview")));

    // Webhooks: an endpoint nobody answers, added here; its failed delivery replayed.
    await nav.getByRole("link", { name: "Webhooks" }).click();
    await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/unreachable");
    await page.getByLabel("Description").fill("Console e2e: nobody listens");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("heading", { name: "Signing secret" })).toBeVisible();
    await expect(page.getByText(/whsec_/).first()).toBeVisible();
    // The answer is the new endpoint's page, the secret shown this once.
    const endpointId = await page.getByText(/^whe_/).first().textContent();
    const endpointUrl = `${instanceUrl()}/console/webhooks/${endpointId}`;
    await fetch(`${instanceUrl()}/v1/users`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${instanceSecretKey()}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ email_address: [`hooked-${Date.now().toString(36)}@example.com`] }),
    });
    const replay = page.getByRole("button", { name: "Replay" }).first();
    await expect
      .poll(
        async () => {
          await page.goto(endpointUrl);
          return replay.count();
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toBeGreaterThan(0);
    // The secret was shown once: not on the page again.
    await expect(page.getByText(/whsec_/)).toHaveCount(0);
    await replay.click();
    await expect(status).toHaveText("Delivery queued again.");
    findings.push(...(await check(page, testInfo, "webhook-endpoint")));
    await page.getByRole("button", { name: "Disable" }).click();
    await expect(status).toHaveText(/./);

    // Keys: a new key, published at once, not signing yet.
    await nav.getByRole("link", { name: "Keys & instance" }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Rotate now" }).click();
    await expect(page.getByText("Published, not signing yet")).toBeVisible();
    findings.push(...(await check(page, testInfo, "instance-rotated")));

    await nav.getByRole("link", { name: "Audit log" }).click();
    for (const action of [
      "organization.create",
      "organization_invitation.create",
      "webhook_endpoint.create",
      "webhook_delivery.replay",
      "instance.signing_key_rotated",
    ]) {
      await expect(page.getByRole("row").filter({ hasText: action }).first()).toContainText(
        "Linus Admin (secret key)",
      );
    }
    expect(findings).toEqual([]);
  });
});
