import { authenticateRequest } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import {
  APP,
  expiredToken,
  fakeFetch,
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  sessionClaims,
  signToken,
  validToken,
} from "../testing.test-helpers.js";
import {
  MAX_RENEWAL_ATTEMPTS,
  renewRequestSession,
  startRenewal,
} from "./renew-request-session.js";

const FAPI = "http://instance.example.test/__clerk";
const authenticateOptions = { jwtKey: PRIMARY_PUBLIC_PEM, now: () => NOW_MS };

async function renew(cookie: string, answer: () => Response, frontendApiUrl: string | null = FAPI) {
  const request = new Request(`${APP}/page`, { headers: { cookie, accept: "text/html" } });
  const state = await authenticateRequest(request, authenticateOptions);
  const fapi = fakeFetch(answer);
  const outcome = await renewRequestSession({
    request,
    state,
    authenticateOptions,
    frontendApiUrl: frontendApiUrl ?? undefined,
    fetch: fapi.fetch,
  });
  return { outcome, calls: fapi.calls, before: state };
}

const expiredCookie = (extra = "") =>
  `__session=${expiredToken()}; __client=cc; __client_uat=${NOW_S - 300}${extra}`;

describe("renewRequestSession", () => {
  it("renews an expired session and verifies the fresh token", async () => {
    const fresh = validToken();
    const { outcome, calls, before } = await renew(expiredCookie(), () =>
      Response.json({ object: "token", jwt: fresh }),
    );
    expect(before.status).toBe("needs-renewal");
    expect(calls).toHaveLength(1);
    expect(outcome.decision).toBe("renewed");
    expect(outcome.state.status).toBe("signed-in");
    expect(outcome.cookieHeader).toBe(
      `__session=${fresh}; __client=cc; __client_uat=${NOW_S - 300}`,
    );
    expect(outcome.setCookies).toEqual([`__session=${fresh}; Path=/; SameSite=Lax; Secure`]);
  });

  it("renews a token older than __client_uat (signed in again elsewhere)", async () => {
    const stale = validToken();
    const { outcome, calls } = await renew(
      `__session=${stale}; __client=cc; __client_uat=${NOW_S - 1}`,
      () => Response.json({ object: "token", jwt: validToken({ iat: NOW_S }) }),
    );
    expect(calls).toHaveLength(1);
    expect(outcome.decision).toBe("renewed");
  });

  it("does nothing for a signed-in request or one signed out for good", async () => {
    const signedIn = await renew(`__session=${validToken()}; __client_uat=1`, () => new Response());
    expect(signedIn.outcome.decision).toBe("not-needed");
    const signedOut = await renew(
      `__session=${expiredToken()}; __client=cc; __client_uat=0`,
      () => new Response(),
    );
    expect(signedOut.outcome.decision).toBe("not-needed");
    expect(signedOut.calls).toHaveLength(0);
  });

  it("does nothing without a Frontend API to ask", async () => {
    const { outcome, calls } = await renew(expiredCookie(), () => new Response(), null);
    expect(outcome.decision).toBe("not-needed");
    expect(calls).toHaveLength(0);
  });

  it("refuses an expired token that fails for more than its age", async () => {
    const wrongKey = signToken(sessionClaims({ exp: NOW_S - 60, iat: NOW_S - 100 }), {
      privateKey: OTHER_PRIVATE_PEM,
    });
    const noSid = signToken(sessionClaims({ exp: NOW_S - 60, iat: NOW_S - 100, sid: undefined }));
    for (const [token, state] of [
      // Another key's signature is refused for good: no renewal can mend it.
      [wrongKey, { status: "signed-out", reason: "token-invalid-signature" }],
      // Without a session id there is nothing to renew: left as the expired state it was.
      [noSid, { status: "needs-renewal", reason: "session-token-expired" }],
    ] as const) {
      const { outcome, calls } = await renew(
        `__session=${token}; __client=cc; __client_uat=1`,
        () => Response.json({ jwt: validToken() }),
      );
      expect(calls).toHaveLength(0);
      expect(outcome.decision).toBe("not-needed");
      expect(outcome.state).toMatchObject(state);
    }
  });

  it("counts failures and stops at the limit", async () => {
    const gone = await renew(
      expiredCookie("; __latchkey_renewals=1"),
      () => new Response(null, { status: 404 }),
    );
    expect(gone.outcome.decision).toBe("gone");
    expect(gone.outcome.setCookies).toEqual([expect.stringMatching(/^__latchkey_renewals=2;/)]);
    const stopped = await renew(
      expiredCookie(`; __latchkey_renewals=${MAX_RENEWAL_ATTEMPTS}`),
      () => Response.json({ jwt: validToken() }),
    );
    expect(stopped.outcome.decision).toBe("loop-guard");
    expect(stopped.calls).toHaveLength(0);
    const garbage = await renew(expiredCookie("; __latchkey_renewals=x"), () =>
      Response.json({ jwt: validToken() }),
    );
    expect(garbage.outcome.decision).toBe("loop-guard");
  });

  it("shares one Frontend API call between concurrent requests of the same session", async () => {
    const request = new Request(`${APP}/page`, {
      headers: { cookie: expiredCookie(), accept: "text/html" },
    });
    const state = await authenticateRequest(request, authenticateOptions);
    let answered = 0;
    const fapi = fakeFetch(async () => {
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return Response.json({ object: "token", jwt: validToken() });
    });
    const run = () =>
      renewRequestSession({
        request,
        state,
        authenticateOptions,
        frontendApiUrl: FAPI,
        fetch: fapi.fetch,
      });
    const outcomes = await Promise.all([run(), run(), run()]);
    expect(answered).toBe(1);
    expect(outcomes.map((o) => o.decision)).toEqual(["renewed", "renewed", "renewed"]);
    await run();
    expect(answered).toBe(2);
  });
});

describe("startRenewal", () => {
  async function step(cookie: string) {
    const request = new Request(`${APP}/page`, { headers: { cookie, accept: "text/html" } });
    const state = await authenticateRequest(request, authenticateOptions);
    const fapi = fakeFetch(() => Response.json({ object: "token", jwt: validToken() }));
    const params = {
      request,
      state,
      authenticateOptions,
      frontendApiUrl: FAPI,
      fetch: fapi.fetch,
    };
    return { step: startRenewal(params), params, calls: fapi.calls };
  }

  it("settles a signed-in request without a counter at once: nothing to renew or write", async () => {
    const {
      step: started,
      params,
      calls,
    } = await step(`__session=${validToken()}; __client=cc; __client_uat=1`);
    expect(started).toEqual({
      settled: true,
      outcome: {
        decision: "not-needed",
        state: params.state,
        cookieHeader: undefined,
        setCookies: [],
      },
    });
    expect(await renewRequestSession(params)).toEqual(started.settled && started.outcome);
    expect(calls).toHaveLength(0);
  });

  it("settles a signed-in request with a counter at once, resetting the counter", async () => {
    const { step: started, params } = await step(
      `__session=${validToken()}; __client_uat=1; __latchkey_renewals=2`,
    );
    expect(started.settled).toBe(true);
    if (!started.settled) return;
    expect(started.outcome.decision).toBe("not-needed");
    expect(started.outcome.setCookies).toEqual([
      expect.stringMatching(/^__latchkey_renewals=0;.*Max-Age=0;/),
    ]);
    expect(await renewRequestSession(params)).toEqual(started.outcome);
  });

  it("settles what renewal cannot fix, and leaves a renewable session to the instance", async () => {
    const signedOut = await step(`__session=${expiredToken()}; __client_uat=${NOW_S - 300}`);
    expect(signedOut.step.settled && signedOut.step.outcome.decision).toBe("not-needed");
    const renewable = await step(expiredCookie());
    expect(renewable.step.settled).toBe(false);
    if (renewable.step.settled) return;
    expect((await renewable.step.pending).decision).toBe("renewed");
    expect(renewable.calls).toHaveLength(1);
  });
});
