/**
 * Fuzz: arbitrary `Authorization` and `Cookie` values through `authenticateRequest`. Whatever
 * arrives, the answer is `signed-out` / `needs-renewal` with a coded reason, or `signed-in` with
 * the one real token in play; never an exception, never a swallowed one (`unexpected-error`).
 * `FUZZ_RUNS` sets the number of runs (`pnpm fuzz`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns, fuzzTimeout, propertyParams } from "../../../../test/property-params.js";
import {
  NOW_MS,
  NOW_S,
  OTHER_PRIVATE_PEM,
  PRIMARY_PUBLIC_PEM,
  part,
  sessionClaims,
  signToken,
} from "../../test/token-fixtures.js";
import { type AuthenticateRequestOptions, authenticateRequest } from "./authenticate-request.js";
import type { AuthErrorReason } from "./request-state.js";

const REASONS: Record<AuthErrorReason, true> = {
  "session-token-and-uat-missing": true,
  "client-uat-but-no-session-token": true,
  "session-token-without-client-uat": true,
  "session-token-expired": true,
  "session-token-nbf": true,
  "session-token-iat-in-the-future": true,
  "session-token-iat-before-client-uat": true,
  "unexpected-error": true,
  "token-expired": true,
  "token-invalid": true,
  "token-invalid-algorithm": true,
  "token-invalid-authorized-parties": true,
  "token-invalid-signature": true,
  "token-not-active-yet": true,
  "token-iat-in-the-future": true,
  "token-verification-failed": true,
  "secret-key-invalid": true,
  "jwk-local-missing": true,
  "jwk-remote-failed-to-load": true,
  "jwk-remote-invalid": true,
  "jwk-remote-missing": true,
  "jwk-failed-to-resolve": true,
  "jwk-kid-mismatch": true,
};
const KNOWN_REASONS = new Set(Object.keys(REASONS));

const REAL = signToken(sessionClaims());
const OPTIONS: AuthenticateRequestOptions = {
  jwtKey: PRIMARY_PUBLIC_PEM,
  now: () => NOW_MS,
  authorizedParties: ["https://app.example.test"],
};

/** Text as a server receives it in a header: UTF-8 bytes read as Latin-1, no NUL/CR/LF. */
const headerText = (text: string) =>
  Buffer.from(text, "utf8")
    .toString("latin1")
    .replace(/[\0\r\n]/g, "");

/** Tokens near the real one: itself, mangled copies, other keys, other algorithms. */
const tokenLike = fc.oneof(
  fc.constant(REAL),
  fc.constant(signToken(sessionClaims(), { privateKey: OTHER_PRIVATE_PEM })),
  fc.constant(`${part({ alg: "none" })}.${part(sessionClaims())}.`),
  fc
    .tuple(fc.nat({ max: REAL.length - 1 }), fc.string({ maxLength: 3 }))
    .map(([at, insert]) => REAL.slice(0, at) + insert + REAL.slice(at + 1)),
  fc.nat({ max: REAL.length }).map((cut) => REAL.slice(0, cut)),
  fc.constant(`${REAL}.${REAL}`),
  fc.constant(signToken(sessionClaims({ iat: NOW_S - 120, nbf: NOW_S - 130, exp: NOW_S - 60 }))),
  fc.string({ unit: "binary", maxLength: 64 }).map(headerText),
);

/** A large value: a fragment repeated up to ~1 MB. */
const huge = fc
  .tuple(
    fc.constantFrom("A", ";", "__session=", "a=b; ", ".", "é"),
    fc.integer({ min: 1, max: 1 << 20 }),
  )
  .map(([fragment, count]) => fragment.repeat(Math.ceil(count / fragment.length)));

const uat = fc.constantFrom("0", String(NOW_S - 100), String(NOW_S + 100), "x");

const cookieName = fc.oneof(
  fc.constantFrom("__session", "__client_uat", "__session_x", "x__session", "__client", ""),
  fc.string({ maxLength: 12 }).map(headerText),
);
const cookieValue = fc.oneof(
  tokenLike,
  uat,
  fc.constantFrom("-1", "1e9", '""', `"${REAL}"`),
  fc.integer().map(String),
  fc.string({ unit: "binary", maxLength: 40 }).map(headerText),
);
const separator = fc.constantFrom("; ", ";", ";;;", " ; ", ",", "=", "");

/** What a browser sends: maybe a session cookie, and the client's last sign-in/out time. */
const browserCookie = fc
  .tuple(fc.option(tokenLike), uat)
  .map(([token, at]) => `${token === null ? "" : `__session=${token}; `}__client_uat=${at}`);

const cookieHeader = fc.oneof(
  browserCookie,
  fc
    .array(fc.tuple(cookieName, cookieValue, separator), { maxLength: 12 })
    .map((pairs) => pairs.map(([name, value, sep]) => `${name}=${value}${sep}`).join("")),
  fc.string({ unit: "binary", maxLength: 200 }).map(headerText),
  fc.string({ maxLength: 200 }),
  huge,
);

const authorizationHeader = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("Bearer ", "bearer ", "BEARER  ", "Bearer", "Basic ", " Bearer "),
      tokenLike,
    )
    .map(([scheme, token]) => scheme + token),
  fc.string({ unit: "binary", maxLength: 200 }).map(headerText),
  huge.map((value) => `Bearer ${value}`),
);

const anyRequest = fc.record(
  {
    method: fc.constantFrom("GET", "POST", "HEAD"),
    authorization: authorizationHeader,
    cookie: cookieHeader,
    cookieCopies: fc.integer({ min: 1, max: 3 }),
    dest: fc.constantFrom("document", "empty", "iframe", "script"),
    accept: fc.constantFrom("text/html", "application/json", "*/*"),
  },
  { requiredKeys: ["method"] },
);
const pageLoad = fc.record({
  method: fc.constant("GET"),
  cookie: browserCookie,
  dest: fc.constant("document"),
  accept: fc.constant("text/html"),
});
const requestArbitrary = fc.oneof(anyRequest, pageLoad);

type FuzzInput = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildRequest(input: FuzzInput): Request | undefined {
  const headers = new Headers();
  try {
    if ("authorization" in input && input.authorization !== undefined) {
      headers.set("authorization", input.authorization);
    }
    const copies = "cookieCopies" in input ? (input.cookieCopies ?? 1) : 1;
    for (let i = 0; i < copies; i++) {
      if (input.cookie !== undefined) headers.append("cookie", input.cookie);
    }
    if (input.dest !== undefined) headers.set("sec-fetch-dest", input.dest);
    if (input.accept !== undefined) headers.set("accept", input.accept);
  } catch {
    return undefined; // The platform refuses the header (not a ByteString): nothing to authenticate.
  }
  return new Request("https://app.example.test/dashboard", { method: input.method, headers });
}

describe("fuzz: authenticateRequest with arbitrary Authorization and Cookie headers", () => {
  const runs = fuzzRuns(150);

  it("fuzz: answers a coded state, and signs in only with the real token", {
    timeout: fuzzTimeout(runs, 5),
  }, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        const request = buildRequest(input);
        fc.pre(request !== undefined);
        const state = await authenticateRequest(request as Request, OPTIONS);
        seen.set(state.status, (seen.get(state.status) ?? 0) + 1);
        if (state.status === "signed-in") {
          expect(state.token).toBe(REAL);
          expect(state.toAuth().userId).toBe("user_2abc");
          return;
        }
        expect(["signed-out", "needs-renewal"]).toContain(state.status);
        expect(KNOWN_REASONS.has(state.reason)).toBe(true);
        expect(state.reason).not.toBe("unexpected-error");
        expect(state.message.length).toBeGreaterThan(0);
        expect(state.message).not.toContain(REAL);
        expect(state.toAuth().userId).toBeNull();
        if (state.status === "needs-renewal") expect(input.method).toBe("GET");
      }),
      propertyParams({
        numRuns: runs,
        // Always tried first, so every outcome is reached however few the runs.
        examples: [
          [{ method: "GET", authorization: `Bearer ${REAL}` }],
          [{ method: "GET", cookie: `__client_uat=${NOW_S - 100}`, dest: "document" }],
          [{ method: "POST", cookie: `__session=${REAL}` }],
        ],
      }),
    );
    // The property is not vacuous: the generators reach every outcome.
    expect([...seen.keys()].sort()).toEqual(["needs-renewal", "signed-in", "signed-out"]);
  });
});
