/**
 * Request-verification benchmark: one run, one key, the same tokens for every contender.
 *
 * Rounds are interleaved (every case runs once per round, in turn) so that machine noise spreads
 * over all cases alike; each case reports the median of its per-round means. Run: `pnpm bench`.
 */
import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { createClerkClient } from "@clerk/backend";
import { authenticateRequest } from "@latchkey/backend";
import { compactVerify, importSPKI, jwtVerify } from "jose";
import { printTable, type Result, runInterleaved } from "./harness.js";
import { mintSessionToken } from "./mint-session-token.js";

const ROUNDS = 15;
const OPS_PER_ROUND = 200;
const ORIGIN = "https://app.example.test";

const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicPem = publicKey.export({ type: "spki", format: "pem" }).toString();

const mint = (jti: string) =>
  mintSessionToken(privateKey, { issuer: "https://clerk.example.test", azp: ORIGIN, jti });

const token = mint("shared");
const freshTokens = (label: string) =>
  Array.from({ length: ROUNDS * OPS_PER_ROUND + OPS_PER_ROUND }, (_, i) => mint(`${label}-${i}`));
const uat = Math.floor(Date.now() / 1000) - 60;
const cookieRequest = (t: string) =>
  new Request(`${ORIGIN}/dashboard`, {
    headers: { cookie: `__client_uat=${uat}; __session=${t}`, accept: "application/json" },
  });
const bearerRequest = (t: string) =>
  new Request(`${ORIGIN}/api/userinfo`, { headers: { authorization: `Bearer ${t}` } });

const options = { jwtKey: publicPem, authorizedParties: [ORIGIN] };
const clerk = createClerkClient({
  secretKey: "sk_test_benchmark",
  publishableKey: `pk_live_${Buffer.from("clerk.example.test$").toString("base64")}`,
});
const clerkOptions = { jwtKey: publicPem, authorizedParties: [ORIGIN] };

const signingInput = Buffer.from(token.slice(0, token.lastIndexOf(".")));
const signature = Buffer.from(token.slice(token.lastIndexOf(".") + 1), "base64url");
const keyObject = createPublicKey(publicPem);
const joseKey = await importSPKI(publicPem, "RS256");

process.stdout.write("minting tokens for the cache-miss cases… ");
const missCookie = freshTokens("cookie").map(cookieRequest);
const missBearer = freshTokens("bearer").map(bearerRequest);
const missPerCall = freshTokens("per-call").map(cookieRequest);
console.log("done");
const hitCookie = cookieRequest(token);
const hitBearer = bearerRequest(token);
const clerkCookie = cookieRequest(token);
const clerkBearer = bearerRequest(token);

// Correctness first: every contender must accept the token, or its timing means nothing.
for (const [name, state] of [
  ["latchkey cookie", await authenticateRequest(hitCookie, options)],
  ["latchkey bearer", await authenticateRequest(hitBearer, options)],
  ["@clerk/backend cookie", await clerk.authenticateRequest(clerkCookie, clerkOptions)],
  ["@clerk/backend bearer", await clerk.authenticateRequest(clerkBearer, clerkOptions)],
] as const) {
  if (state.status !== "signed-in") {
    throw new Error(`${name} did not sign in: ${state.status} ${String(state.reason)}`);
  }
}

let missCookieIndex = 0;
let missBearerIndex = 0;
let missPerCallIndex = 0;
// As Clerk's docs call it: a new options object on every call, the PEM key inside.
const perCallOptions = () => ({ jwtKey: publicPem, authorizedParties: [ORIGIN] });
const results: Result[] = await runInterleaved(ROUNDS, OPS_PER_ROUND, [
  {
    name: "raw crypto.verify('RSA-SHA256')",
    run: () => {
      if (!verify("sha256", signingInput, keyObject, signature)) throw new Error("bad signature");
    },
  },
  { name: "jose jwtVerify (pre-imported key)", run: () => jwtVerify(token, joseKey) },
  { name: "jose compactVerify (pre-imported key)", run: () => compactVerify(token, joseKey) },
  {
    name: "latchkey authenticateRequest, cookie, cache miss",
    run: () => authenticateRequest(missCookie[missCookieIndex++]!, options),
  },
  {
    name: "latchkey authenticateRequest, Bearer, cache miss",
    run: () => authenticateRequest(missBearer[missBearerIndex++]!, options),
  },
  {
    name: "latchkey authenticateRequest, cookie, cache hit",
    run: () => authenticateRequest(hitCookie, options),
  },
  {
    name: "latchkey authenticateRequest, Bearer, cache hit",
    run: () => authenticateRequest(hitBearer, options),
  },
  {
    name: "latchkey authenticateRequest, per-call options, repeated token",
    run: () => authenticateRequest(hitCookie, perCallOptions()),
  },
  {
    name: "latchkey authenticateRequest, per-call options, fresh token",
    run: () => authenticateRequest(missPerCall[missPerCallIndex++]!, perCallOptions()),
  },
  {
    name: "@clerk/backend authenticateRequest, cookie",
    run: () => clerk.authenticateRequest(clerkCookie, clerkOptions),
  },
  {
    name: "@clerk/backend authenticateRequest, Bearer",
    run: () => clerk.authenticateRequest(clerkBearer, clerkOptions),
  },
]);

printTable("Request verification (µs per call, median of interleaved rounds)", results, {
  baseline: "raw crypto.verify('RSA-SHA256')",
});

const us = (name: string) => results.find((r) => r.name.startsWith(name))!.medianMicros;
const raw = us("raw crypto");
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const perCallHit = us("latchkey authenticateRequest, per-call options, repeated token");
const perCallMiss = us("latchkey authenticateRequest, per-call options, fresh token");
const clerkCookieUs = us("@clerk/backend authenticateRequest, cookie");
const goals: [string, boolean, string][] = [
  ["per-call options, repeated token ≤ 5 µs", perCallHit <= 5, `${perCallHit.toFixed(2)} µs`],
  [
    "per-call options, fresh token ≤ 2× raw RSA verify",
    perCallMiss <= 2 * raw,
    ratio(perCallMiss, raw),
  ],
  [
    "cookie cache miss ≤ 2× raw RSA verify",
    us("latchkey authenticateRequest, cookie, cache miss") <= 2 * raw,
    ratio(us("latchkey authenticateRequest, cookie, cache miss"), raw),
  ],
  [
    "≥ 15× faster than @clerk/backend (per-call options, fresh token)",
    clerkCookieUs / perCallMiss >= 15,
    `${(clerkCookieUs / perCallMiss).toFixed(1)}×`,
  ],
  [
    "≥ 15× faster than @clerk/backend (per-call options, repeated token)",
    clerkCookieUs / perCallHit >= 15,
    `${(clerkCookieUs / perCallHit).toFixed(0)}×`,
  ],
  [
    "(why node:crypto verifies on Node) jose compactVerify ≤ 2× raw RSA verify",
    us("jose compactVerify") <= 2 * raw,
    ratio(us("jose compactVerify"), raw),
  ],
];
console.log("\nGoals");
for (const [goal, met, value] of goals)
  console.log(`  ${met ? "met " : "MISS"}  ${goal}: ${value}`);
