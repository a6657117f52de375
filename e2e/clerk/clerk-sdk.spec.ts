// apps/clerk-demo — written only with @clerk/nextjs and Clerk's components — against a Latchkey
// instance: sign-up by email code, sign-out, sign-in by password and by email code, the server helpers (`auth()`,
// `currentUser()`, `getAuth(req)`), the handshake after the session token expired, the profile
// (name, password) and organizations. Each test has its own user, so they run side by side.
import {
  backendApi,
  CLERK_TEST_CODE,
  createUser,
  enterCode,
  expect,
  PASSWORD,
  SESSION_TOKEN_LIFETIME_SECONDS,
  signIn,
  snap,
  test,
  testEmail,
  verifyPasswordStatus,
} from "./clerk-fixtures";

test("signs up with an email code, signs out, and signs in with the password", async ({
  page,
}, testInfo) => {
  const email = testEmail("signup");
  await page.goto("/sign-up");
  await expect(page.getByLabel("Email address")).toBeVisible();
  await snap(page, testInfo, "sign-up");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await enterCode(page, CLERK_TEST_CODE);
  await page.waitForURL("**/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await snap(page, testInfo, "dashboard");

  // An API route: getAuth(req) with the browser's session cookie.
  const userinfo = await page.request.get("/api/userinfo");
  expect(userinfo.status()).toBe(200);
  const me = (await userinfo.json()) as { userId: string; email: string };
  expect(me.email).toBe(email);
  await expect(page.getByTestId("user-id")).toHaveText(me.userId);

  // The avatar in <UserButton/> loads through the app's own origin (Clerk's proxy, /__clerk).
  const avatar = page.getByRole("button", { name: "Open user menu" }).locator("img");
  const appOrigin = new URL(page.url()).origin;
  expect(await avatar.getAttribute("src")).toMatch(new RegExp(`^${appOrigin}/__clerk/v1/images/`));
  await expect
    .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);

  // Sign out from <UserButton/>.
  await page.getByRole("button", { name: "Open user menu" }).click();
  await page
    .getByRole("dialog", { name: "Account panel" })
    .getByRole("button", { name: "Sign out" })
    .click();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();
  expect((await page.request.get("/api/userinfo")).status()).toBe(401);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Email address")).toBeVisible();
  await snap(page, testInfo, "sign-in");

  await signIn(page, email, PASSWORD);
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);
});

test("stays signed in when the tab is closed past the session token's lifetime", async ({
  page,
  context,
}) => {
  test.setTimeout((SESSION_TOKEN_LIFETIME_SECONDS + 100) * 1000);
  const email = testEmail("handshake");
  await createUser(email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await page.goto("/dashboard");
  const sessionId = await page.getByTestId("session-id").textContent();

  // No page runs clerk-js meanwhile, so nothing refreshes the token: the cookie's token expires.
  await page.close();
  await new Promise((done) => setTimeout(done, (SESSION_TOKEN_LIFETIME_SECONDS + 10) * 1000));

  // The server SDK finds the expired `__session`, sends the browser through the handshake at the
  // instance (via the app's /__clerk proxy), and renders the page with the renewed session.
  const reopened = await context.newPage();
  const handshakes: string[] = [];
  reopened.on("request", (request) => {
    if (request.url().includes("/v1/client/handshake")) handshakes.push(request.url());
  });
  await reopened.goto("/dashboard");
  await expect(reopened).toHaveURL(/\/dashboard$/);
  await expect(reopened.getByTestId("user-email")).toHaveText(email);
  await expect(reopened.getByTestId("session-id")).toHaveText(sessionId ?? "");
  expect(handshakes.length).toBeGreaterThan(0);
});

test("changes the name and adds a verified email address in <UserProfile/>", async ({
  page,
}, testInfo) => {
  const email = testEmail("profile");
  await createUser(email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await page.goto("/user-profile");
  await page.getByRole("button", { name: "Update profile" }).click();
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await snap(page, testInfo, "user-profile");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
  await snap(page, testInfo, "user-profile-saved");

  // currentUser() on the server sees the new name.
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-name")).toHaveText("Ada Lovelace");

  // A second address, verified by email code (424242 for +clerk_test addresses in development).
  const second = testEmail("profile-second");
  await page.goto("/user-profile");
  await page.getByRole("button", { name: "Add email address" }).click();
  await page.getByLabel("Email address").fill(second);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await enterCode(page, CLERK_TEST_CODE);
  await expect(page.getByText(second, { exact: true }).first()).toBeVisible();
  // Listed as verified: the component marks an address it could not verify "Unverified".
  await expect(page.getByText("Unverified")).toHaveCount(0);
  await snap(page, testInfo, "user-profile-second-email");
});

test("creates an organization with <CreateOrganization/> and makes it active", async ({
  page,
}, testInfo) => {
  const email = testEmail("orgs");
  await createUser(email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await page.goto("/create-organization");
  const name = `Acme ${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  // The component offers to invite members next (one bulk request for every address).
  const invitees = [testEmail("invitee-a"), testEmail("invitee-b")];
  // The address field makes a tag of each address when Enter follows it.
  const addresses = page.getByRole("textbox", { name: "Example format: name@example.com" });
  for (const invitee of invitees) {
    await addresses.pressSequentially(invitee);
    await addresses.press("Enter");
  }
  await snap(page, testInfo, "invite-step");
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(page.getByText("Invitations successfully sent")).toBeVisible();
  await snap(page, testInfo, "invitations-sent");
  await page.getByRole("button", { name: "Finish" }).click();
  await page.waitForURL("**/organizations");
  await expect(page.getByTestId("memberships")).toContainText(name);
  await expect(page.getByTestId("active-org")).toContainText("org:admin");
  // <OrganizationSwitcher/> shows it as the active one.
  await expect(page.getByRole("button", { name: "Open organization switcher" })).toContainText(
    name,
  );
  await snap(page, testInfo, "organizations");
  // The server holds both invitations, pending, with the default role.
  const orgs = await backendApi("GET", `/v1/organizations?query=${encodeURIComponent(name)}`);
  const [org] = orgs.body.data as Array<{ id: string }>;
  const invitations = await backendApi("GET", `/v1/organizations/${org?.id}/invitations`);
  expect(
    (invitations.body.data as Array<{ email_address: string; status: string; role: string }>)
      .map((i) => `${i.email_address} ${i.status} ${i.role}`)
      .sort(),
  ).toEqual(invitees.map((email) => `${email} pending org:member`).sort());
});

test("signs in with an email code, and changes the password in <UserProfile/>", async ({
  page,
}, testInfo) => {
  const email = testEmail("code");
  const userId = await createUser(email, PASSWORD);
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("link", { name: "Use another method" }).click();
  await page.getByRole("button", { name: /email code/i }).click();
  await enterCode(page, CLERK_TEST_CODE);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);

  await page.goto("/user-profile");
  await page.getByRole("button", { name: "Security" }).click();
  await page.getByRole("button", { name: /update password/i }).click();
  const newPassword = `${PASSWORD}-renewed`;
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Confirm password").fill(newPassword);
  await snap(page, testInfo, "change-password");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("button", { name: /update password/i })).toBeVisible();

  // The new password is the user's; the old one no longer is.
  expect(await verifyPasswordStatus(userId, newPassword)).toBe(200);
  expect(await verifyPasswordStatus(userId, PASSWORD)).toBe(422);
});
