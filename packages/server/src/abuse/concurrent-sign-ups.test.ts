/**
 * Abuse: ten browsers sign up with one email address at the same moment. Exactly one user comes
 * out; every other browser gets a coded 4xx, and no half-made user or orphan email is left.
 * (Concurrent attempts on one sign-in email code — exactly one success — are covered in
 * `routes/frontend/sign-ins/sign-in-routes.test.ts`, "single use under concurrency".)
 */
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { useTestInstance } from "../../test/test-instance.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";
import { createRateLimiter } from "../rate-limits/create-rate-limiter.js";
import { TEST_DATABASE_TARGETS } from "../store/test-databases.test-helpers.js";

const RACERS = 10;
const EMAIL = "race+clerk_test@example.com";

for (const target of TEST_DATABASE_TARGETS) {
  describe(`abuse: concurrent sign-ups on ${target.label}`, skipWhen(target.skipReason), () => {
    // The real limiter with the per-identifier sign-up limit raised, so all ten race to the end
    // (the default limit of 5 would refuse half of them first).
    let limiter: ReturnType<typeof createRateLimiter> | undefined;
    const instance = useTestInstance({
      target,
      frontendApi: {
        rateLimiter: {
          consume: (rule, key) => {
            limiter ??= createRateLimiter({ store: instance.store, clock: instance.clock });
            return limiter.consume({ ...rule, limit: rule.limit * 10 }, key);
          },
        },
      },
    });

    it(`${RACERS} complete sign-ups with one email address make exactly one user`, async () => {
      const browsers = Array.from({ length: RACERS }, () => instance.browser());
      const started = await Promise.all(
        browsers.map((browser) =>
          browser.call("POST", "/v1/client/sign_ups", {
            form: { email_address: EMAIL, password: TEST_PASSWORD, strategy: "email_code" },
          }),
        ),
      );
      for (const answer of started) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const finished = await Promise.all(
        browsers.map((browser, i) =>
          browser.call(
            "POST",
            `/v1/client/sign_ups/${started[i]?.body.response.id}/attempt_verification`,
            { form: { strategy: "email_code", code: "424242" } },
          ),
        ),
      );
      const winners = finished.filter((a) => a.status === 200);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.body.response.status).toBe("complete");
      for (const loser of finished.filter((a) => a.status !== 200)) {
        expect(loser.status, JSON.stringify(loser.body)).toBeGreaterThanOrEqual(400);
        expect(loser.status).toBeLessThan(500);
        expect(loser.body.errors[0].code).toBe("form_identifier_exists");
        expect(loser.setCookies.some((c) => c.startsWith("__session="))).toBe(false);
      }
      const users = await instance.call(
        "GET",
        `/v1/users?email_address=${encodeURIComponent(EMAIL)}`,
      );
      expect(users.body).toHaveLength(1);
      expect(users.body[0].id).toBe(winners[0]?.body.response.created_user_id);
      const [count] = await instance.db.query<{ users: number; emails: number }>(
        `SELECT (SELECT count(*)::int FROM users) AS users,
                (SELECT count(*)::int FROM email_addresses) AS emails`,
      );
      expect(count).toEqual({ users: 1, emails: 1 });
    });
  });
}
