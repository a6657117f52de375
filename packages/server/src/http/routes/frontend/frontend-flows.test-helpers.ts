import { verifyToken } from "@latchkey/backend";
import { expect } from "vitest";
import type { TestBrowser } from "../../../../test/frontend-test-browser.js";
import type { TestInstance } from "../../../../test/test-instance.js";

/** A password that passes the policy. */
export const TEST_PASSWORD = "purple-Elephant-42-dances";

/** The latest code mailed to an address, read from the mailbox (the `emails` table). */
export async function latestEmailCode(
  instance: TestInstance,
  emailAddress: string,
): Promise<string> {
  const [email] = await instance.store.listEmails(
    { toEmailAddress: emailAddress },
    { limit: 1, offset: 0 },
  );
  const code = email?.data.otp_code;
  if (typeof code !== "string") throw new Error(`No code was mailed to ${emailAddress}`);
  return code;
}

/** Verifies a session token against the instance's public JWKS, as an app would. */
export async function verifyWithInstanceJwks(instance: TestInstance, jwt: string) {
  const jwks = await instance.fetch("/__clerk/.well-known/jwks.json");
  const body = await jwks.text();
  return verifyToken(jwt, {
    secretKey: "sk_test_only_used_as_cache_key",
    apiUrl: "http://localhost",
    fetch: (async () =>
      new Response(body, { headers: { "Content-Type": "application/json" } })) as typeof fetch,
    now: () => instance.clock.now(),
  });
}

/**
 * Runs the full browser sign-up (create with email + password, email code, verify) and returns
 * the browser (signed in) and the created ids.
 */
export async function signUpThroughBrowser(
  instance: TestInstance,
  emailAddress: string,
  password = TEST_PASSWORD,
): Promise<{ browser: TestBrowser; userId: string; sessionId: string }> {
  const browser = instance.browser();
  const created = await browser.call("POST", "/v1/client/sign_ups", {
    form: { email_address: emailAddress, password, strategy: "email_code" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const code = await latestEmailCode(instance, emailAddress);
  const verified = await browser.call(
    "POST",
    `/v1/client/sign_ups/${created.body.response.id}/attempt_verification`,
    { form: { strategy: "email_code", code } },
  );
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  expect(verified.body.response.status).toBe("complete");
  return {
    browser,
    userId: verified.body.response.created_user_id,
    sessionId: verified.body.response.created_session_id,
  };
}

/** Signs out (DELETE /v1/client) so the browser can sign in again. */
export async function signOut(browser: TestBrowser): Promise<void> {
  const answer = await browser.call("DELETE", "/v1/client");
  expect(answer.status).toBe(200);
}
