import { expect, PASSWORD, signIn, signUp, snap, test, uniqueEmail } from "./fixtures";

test("sign up with an email code, use the API, sign out and sign back in", async ({
  page,
  request,
}, testInfo) => {
  const email = uniqueEmail("ada");
  const nav = page.getByRole("navigation", { name: "Main" });

  await page.goto("/");
  await expect(nav.getByRole("link", { name: "Sign up" })).toBeVisible();
  await snap(page, testInfo, "home-signed-out");

  await page.goto("/sign-up");
  await snap(page, testInfo, "sign-up");
  await signUp(page, email);
  await page.goto("/dashboard");
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await expect(page.getByTestId("user-id")).toHaveText(/^user_/);
  await expect(page.getByTestId("session-id")).toHaveText(/^sess_/);
  await snap(page, testInfo, "dashboard");

  // The browser's cookie authenticates API routes too.
  const info = await page.request.get("/api/userinfo");
  expect(info.status()).toBe(200);
  const body = (await info.json()) as { userId: string; email: string };
  expect(body.email).toBe(email);
  expect(body.userId).toMatch(/^user_/);

  // Signed out (a separate request context has no cookies): 401 JSON, never a redirect.
  const anonymous = await request.get("/api/userinfo", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "unauthenticated" });

  // Sign out from the user menu.
  await page.goto("/");
  await page.getByRole("button", { name: /open user menu/i }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  await snap(page, testInfo, "home-signed-out-again");

  // A protected page sends signed-out visitors to sign in, with the way back.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?redirect_url=/);
  const redirectUrl = new URL(page.url()).searchParams.get("redirect_url");
  expect(new URL(redirectUrl ?? "", page.url()).pathname).toBe("/dashboard");
  await snap(page, testInfo, "sign-in");

  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("user-email")).toHaveText(email);

  // The template token carries the claims the demo's JWT template adds.
  const token = await page.request.get("/api/token");
  expect(token.status()).toBe(200);
  const claims = ((await token.json()) as { claims: Record<string, unknown> }).claims;
  expect(claims.email).toBe(email);
  expect(claims.sub).toBe(body.userId);
});

test("a Bearer session token authenticates /api/userinfo without cookies", async ({
  page,
  playwright,
}) => {
  const email = uniqueEmail("bearer");
  await signUp(page, email);
  await page.goto("/dashboard");
  const sessionId = (await page.getByTestId("session-id").textContent())?.trim() ?? "";
  expect(sessionId).toMatch(/^sess_/);

  // A fresh session token, minted by the Frontend API for this browser's client.
  const minted = await page.request.post(`/__clerk/v1/client/sessions/${sessionId}/tokens`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(minted.status()).toBe(200);
  const { jwt } = (await minted.json()) as { jwt: string };

  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const ok = await api.get("/api/userinfo", { headers: { authorization: `Bearer ${jwt}` } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { email: string }).email).toBe(email);

  const tampered = `${jwt.slice(0, -4)}AAAA`;
  const bad = await api.get("/api/userinfo", { headers: { authorization: `Bearer ${tampered}` } });
  expect(bad.status()).toBe(401);
  await api.dispose();
});
