/**
 * Abuse: credential stuffing. An attacker spreads password guesses over many IP addresses and many
 * identifiers. The per-IP limit stops one address trying many accounts; the per-identifier limit
 * and the account lockout stop many addresses trying one account — neither depends on the other.
 * Addresses come as the app's Frontend API proxy sends them: signed with the secret key.
 */
import { describe, expect, it } from "vitest";
import { forwardedClientHeader } from "../../test/forwarded-client-header.js";
import { useTestInstance } from "../../test/test-instance.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";
import { RATE_LIMIT_RULES } from "../rate-limits/rate-limit-rules.js";

describe("abuse: credential stuffing", () => {
  const instance = useTestInstance();

  /** One sign-in attempt from a fresh browser at `ip`. */
  const attempt = (ip: string, identifier: string, password: string) =>
    instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier, password },
      headers: forwardedClientHeader(ip, { nowMs: instance.clock.now() }),
    });

  it("one IP trying many identifiers is answered 429 with Retry-After once its limit is spent", async () => {
    const limit = RATE_LIMIT_RULES.signInIp.limit;
    for (let i = 0; i < limit; i++) {
      const answer = await attempt("198.51.100.7", `victim${i}@example.com`, "Password1!x");
      expect(answer.status).toBe(422);
      expect(answer.body.errors[0].code).toBe("form_identifier_not_found");
    }
    const refused = await attempt("198.51.100.7", "one-more@example.com", "Password1!x");
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].code).toBe("too_many_requests");
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES.signInIp.windowSeconds);
    // Another address is not affected; the refused one is again after the window.
    expect((await attempt("198.51.100.8", "one-more@example.com", "Password1!x")).status).toBe(422);
    instance.clock.advance(retryAfter * 1000);
    expect((await attempt("198.51.100.7", "one-more@example.com", "Password1!x")).status).toBe(422);
  });

  it("many IPs trying one account: the identifier limit and the lockout both hold", async () => {
    instance.clock.advance(61_000);
    const created = await instance.call("POST", "/v1/users", {
      body: { email_address: ["stuffed@example.com"], password: TEST_PASSWORD },
    });
    expect(created.status).toBe(200);
    const userId = created.body.id as string;
    // The same account under different spellings: the identifier is normalised.
    const spellings = ["stuffed@example.com", "STUFFED@example.com", " Stuffed@Example.com "];
    const codes: string[] = [];
    for (let i = 0; i < RATE_LIMIT_RULES.signInIdentifier.limit; i++) {
      const answer = await attempt(`203.0.113.${i + 1}`, spellings[i % 3] ?? "", `guess-${i}-Xy!`);
      codes.push(answer.body.errors[0].code);
    }
    // Nine wrong passwords, then the tenth locks the account (maxVerificationAttempts = 10).
    expect(codes.slice(0, 9)).toEqual(Array(9).fill("form_password_incorrect"));
    expect(codes[9]).toBe("user_locked");
    expect((await instance.store.getUser(userId))?.failedVerificationAttempts).toBe(10);

    // An eleventh address is refused by the per-identifier limit before any password check.
    const limited = await attempt("203.0.113.200", "stuffed@example.com", TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);

    // After the window, even the right password from a never-seen address meets the lockout.
    instance.clock.advance(61_000);
    const right = await attempt("192.0.2.99", "stuffed@example.com", TEST_PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body.errors[0].code).toBe("user_locked");
    expect(right.setCookies.some((c) => c.startsWith("__session="))).toBe(false);
    const sessions = await instance.call("GET", `/v1/sessions?user_id=${userId}`);
    expect(sessions.body).toEqual([]);
  });

  it("many IPs × many identifiers: no guess gets through, every refusal is coded", async () => {
    instance.clock.advance(3_700_000);
    const users = ["ann", "bob", "cat"].map((name) => `${name}@stuffing.example`);
    for (const email of users) {
      const created = await instance.call("POST", "/v1/users", {
        body: { email_address: [email], password: TEST_PASSWORD },
      });
      expect(created.status).toBe(200);
    }
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        attempt(`100.64.${i}.1`, users[i % users.length] ?? "", `leaked-${i}-Password!`),
      ),
    );
    const codes = answers.map((a) => `${a.status} ${a.body.errors?.[0]?.code}`);
    for (const code of codes) {
      expect(["422 form_password_incorrect", "403 user_locked", "429 too_many_requests"]).toContain(
        code,
      );
    }
    // 8 guesses per account < both thresholds: all were checked and counted, none locked yet.
    expect(codes.filter((c) => c === "422 form_password_incorrect")).toHaveLength(24);
  });
});
