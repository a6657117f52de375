/**
 * Abuse: a burst of password guesses sent at once, with the right password among them. The lock is
 * decided before each slow hash (a slot per check, never more than the limit in flight), so no
 * burst evaluates more guesses than the limit, and the right password never signs in once the
 * account is locked. Run on PGlite and on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { useTestInstance } from "../../test/test-instance.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";
import { describeName, TEST_DATABASE_TARGETS } from "../store/test-databases.test-helpers.js";

const WRONG = 18;
const LIMIT = 10;

for (const target of TEST_DATABASE_TARGETS) {
  describe(
    describeName("abuse: concurrent lockout burst", target),
    skipWhen(target.skipReason),
    () => {
      const instance = useTestInstance({
        target,
        // Rate limits would refuse most of the burst first; the lockout is what is under test.
        frontendApi: { rateLimiter: { consume: async () => ({ allowed: true }) } },
      });

      /** One password sign-in from a fresh browser. */
      const signIn = (email: string, password: string) =>
        instance.browser().call("POST", "/v1/client/sign_ins", {
          form: { identifier: email, password, strategy: "password" },
        });

      for (const position of [0, WRONG / 2, WRONG]) {
        it(`${WRONG} wrong passwords and the right one at position ${position}: never more than ${LIMIT} checked, no sign-in after the lock`, async () => {
          const email = `burst-${position}@example.com`;
          const created = await instance.call("POST", "/v1/users", {
            body: { email_address: [email], password: TEST_PASSWORD },
          });
          expect(created.status).toBe(200);
          const userId = created.body.id as string;
          const passwords = Array.from({ length: WRONG }, (_, i) => `wrong-guess-${i}-Xy!`);
          passwords.splice(position, 0, TEST_PASSWORD);

          const answers = await Promise.all(passwords.map((password) => signIn(email, password)));
          const codes = answers.map((a) =>
            a.status === 200 ? a.body.response.status : a.body.errors[0].code,
          );
          const signedIn = codes.filter((c) => c === "complete").length;
          const incorrect = codes.filter((c) => c === "form_password_incorrect").length;
          // Every answer is one of these three; nothing else (no 500, no other error).
          expect(
            codes.filter(
              (c) => !["complete", "form_password_incorrect", "user_locked"].includes(c),
            ),
          ).toEqual([]);
          const user = (await instance.store.getUser(userId))!;
          const sessions = (await instance.call("GET", `/v1/sessions?user_id=${userId}`)).body;
          if (signedIn === 1) {
            // The right password got its check in before the limit: one session, and its pass
            // cleared the failures counted before it. The account is not locked, unless guesses
            // that reached the instance after that pass (a loaded machine spreads the burst out)
            // counted the limit again: then they locked it after the sign-in, at the limit.
            expect(sessions).toHaveLength(1);
            if (user.lockedAt !== null) expect(user.failedVerificationAttempts).toBe(LIMIT);
          } else {
            // The account locked first: exactly the limit was checked, all wrong, and no session.
            expect(signedIn).toBe(0);
            expect(user.lockedAt).not.toBeNull();
            expect(user.failedVerificationAttempts).toBe(LIMIT);
            expect(incorrect).toBe(LIMIT - 1);
            expect(sessions).toEqual([]);
          }
          // Once locked, the right password is refused, whatever happened in the burst.
          await instance.call("POST", `/v1/users/${userId}/lock`);
          const after = await signIn(email, TEST_PASSWORD);
          expect(after.body.errors?.[0]?.code).toBe("user_locked");
        });
      }
    },
  );
}
