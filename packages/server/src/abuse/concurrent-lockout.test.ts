/**
 * Abuse: a burst of password guesses sent at once, with the right password among them. The lock is
 * decided before each slow hash (a slot per check, never more than the limit in flight), so no
 * burst evaluates more guesses than the limit, and the right password never signs in once the
 * account is locked. Run on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { skipWhen } from "../../../../test/skip-when.js";
import { useTestInstance } from "../../test/test-instance.js";
import { TEST_PASSWORD } from "../http/routes/frontend/frontend-flows.test-helpers.js";
import { findDigestHasher } from "../passwords/password-hashers.js";
import { describeName, TEST_DATABASE_TARGETS } from "../store/test-databases.test-helpers.js";

/**
 * Holds every password check of a burst until each request of it has either reached its check or
 * been answered (refused without one), then lets the checks run: "sent at once" means the whole
 * burst reaches the lockout before any check ends, however loaded the machine is. (Without it, a
 * slow machine spreads the burst out, and guesses that arrive after the right password's pass are
 * a new series, which the lockout rightly counts.) The checks themselves are the instance's own
 * argon2id.
 */
function createBurstGate() {
  let held: Array<() => void> = [];
  let answered = 0;
  let expected = 0;
  const releaseWhenAllArrived = () => {
    if (expected === 0 || held.length + answered < expected) return;
    expected = 0;
    for (const release of held) release();
  };
  return {
    /** The next `requests` requests are one burst. */
    hold(requests: number) {
      expected = requests;
      held = [];
      answered = 0;
    },
    /** A check of the burst: resolves once every request has arrived. */
    arrive(): Promise<void> {
      if (expected === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        held.push(resolve);
        releaseWhenAllArrived();
      });
    },
    /** A request of the burst was answered. */
    answered() {
      answered += 1;
      releaseWhenAllArrived();
    },
    /** Whether the last burst's checks were released together (every request had arrived). */
    released: () => expected === 0,
  };
}

const burst = createBurstGate();
const argon2id = findDigestHasher("argon2id")!;
const checkArgon2id = argon2id.verify;

beforeAll(() => {
  vi.spyOn(argon2id, "verify").mockImplementation(async (digest, password) => {
    await burst.arrive();
    return checkArgon2id(digest, password);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

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

          burst.hold(passwords.length);
          const answers = await Promise.all(
            passwords.map((password) => signIn(email, password).finally(() => burst.answered())),
          );
          expect(burst.released()).toBe(true);
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
            // The right password got its check in before the limit: the account is not locked.
            expect(user.lockedAt).toBeNull();
            expect(sessions).toHaveLength(1);
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
