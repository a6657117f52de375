import {
  type AuthenticateRequestOptions,
  authenticateRequest,
  type RequestState,
  TokenVerificationError,
  verifyToken,
} from "@latchkey/backend";
import { readCookie, readCookies, replaceCookie, serializeCookie } from "../cookie-header.js";
import { decodeJwtPayload } from "../decode-jwt-payload.js";
import { type RenewSessionTokenResult, renewSessionToken } from "./renew-session-token.js";

/** Counts consecutive server-side renewals that did not yield a signed-in request. */
export const RENEWAL_COUNT_COOKIE = "__latchkey_renewals";
/** Renewal attempts allowed before the guard stops trying (until the counter cookie expires). */
export const MAX_RENEWAL_ATTEMPTS = 3;
const RENEWAL_COUNT_MAX_AGE_S = 60;

/** Reasons where the `__session` cookie's signature verified and only its age is wrong. */
const RENEWABLE_REASONS: ReadonlySet<string> = new Set([
  "session-token-expired",
  "session-token-iat-before-client-uat",
]);

/** What happened to a request's session on its way through the middleware. */
export type RenewalDecision =
  /** Signed in already, or signed out for a reason renewal cannot fix. */
  | "not-needed"
  /** The loop guard's counter reached {@link MAX_RENEWAL_ATTEMPTS}. */
  | "loop-guard"
  /** The instance issued a token and it verified. */
  | "renewed"
  /** The instance says the client or session is gone (401/404). */
  | "gone"
  /** The instance could not be reached or answered nonsense. */
  | "failed"
  /** The instance issued a token that does not verify here. */
  | "rejected";

/** The request's state after renewal, and what to write back. */
export interface RenewalOutcome {
  decision: RenewalDecision;
  state: RequestState;
  /** The `Cookie` header the page must see (with the fresh `__session`), when renewed. */
  cookieHeader: string | undefined;
  /** `Set-Cookie` values for the response. */
  setCookies: string[];
}

/** Inputs of {@link renewRequestSession}. */
export interface RenewRequestSessionParams {
  request: Request;
  state: RequestState;
  authenticateOptions: AuthenticateRequestOptions;
  /** Where to renew; without it nothing is renewed. */
  frontendApiUrl: string | undefined;
  fetch: typeof fetch;
  timeoutInMs?: number;
}

const inFlight = new Map<string, Promise<RenewSessionTokenResult>>();

/**
 * Renews an expired (or stale) `__session` cookie through the instance, at most once per request:
 * the expired token's signature must verify (only its age may be wrong) to yield the session id;
 * the browser's `__client` cookie proves the client is live. On success the fresh token is
 * verified like any other and becomes the request's state. A counter cookie bounds consecutive
 * unsuccessful attempts at {@link MAX_RENEWAL_ATTEMPTS}; concurrent renewals of the same session
 * in one process share one call.
 */
export async function renewRequestSession(
  params: RenewRequestSessionParams,
): Promise<RenewalOutcome> {
  const step = startRenewal(params);
  return step.settled ? step.outcome : step.pending;
}

/**
 * {@link renewRequestSession} as far as it goes without the network: `settled` with the outcome
 * when no renewal is needed or possible (a signed-in request, a reason renewal cannot fix, no
 * `__client` cookie), else `pending` with the renewal through the instance.
 */
export type RenewalStep =
  | { settled: true; outcome: RenewalOutcome }
  | { settled: false; pending: Promise<RenewalOutcome> };

/** Starts {@link renewRequestSession}, settling at once whenever the instance need not be asked. */
export function startRenewal(params: RenewRequestSessionParams): RenewalStep {
  const { request, state } = params;
  const notNeeded: RenewalOutcome = {
    decision: "not-needed",
    state,
    cookieHeader: undefined,
    setCookies: [],
  };
  const cookieHeader = request.headers.get("cookie");
  const attempts = renewalAttempts(cookieHeader);
  if (state.status === "signed-in") {
    if (attempts > 0) notNeeded.setCookies.push(counterCookie(request, 0));
    return { settled: true, outcome: notNeeded };
  }
  if (!RENEWABLE_REASONS.has(state.reason) || !params.frontendApiUrl) {
    return { settled: true, outcome: notNeeded };
  }
  const cookies = readCookies(cookieHeader);
  const token = cookies.__session;
  const clientCookie = cookies.__client;
  if (!token || !clientCookie) return { settled: true, outcome: notNeeded };
  return {
    settled: false,
    pending: renewThroughInstance(params, token, clientCookie, cookieHeader, attempts, notNeeded),
  };
}

async function renewThroughInstance(
  params: RenewRequestSessionParams,
  token: string,
  clientCookie: string,
  cookieHeader: string | null,
  attempts: number,
  notNeeded: RenewalOutcome,
): Promise<RenewalOutcome> {
  const { request, state } = params;
  const sessionId = await sessionIdOf(token, params.authenticateOptions);
  if (!sessionId) return notNeeded;
  if (attempts >= MAX_RENEWAL_ATTEMPTS) {
    return { decision: "loop-guard", state, cookieHeader: undefined, setCookies: [] };
  }

  const failedAttempt = (decision: RenewalDecision, next: RequestState): RenewalOutcome => ({
    decision,
    state: next,
    cookieHeader: undefined,
    setCookies: [counterCookie(request, attempts + 1)],
  });
  const result = await renewOnce(params, sessionId, clientCookie);
  if (result.status !== "renewed") return failedAttempt(result.status, state);

  const renewedCookieHeader = replaceCookie(cookieHeader, "__session", result.jwt);
  const headers = new Headers(request.headers);
  headers.set("cookie", renewedCookieHeader);
  headers.delete("authorization");
  const renewedState = await authenticateRequest(
    new Request(request.url, { method: request.method, headers }),
    params.authenticateOptions,
  );
  if (renewedState.status !== "signed-in") return failedAttempt("rejected", renewedState);
  const secure = new URL(request.url).protocol === "https:";
  const setCookies = [serializeCookie("__session", result.jwt, { secure })];
  if (attempts > 0) setCookies.push(counterCookie(request, 0));
  return {
    decision: "renewed",
    state: renewedState,
    cookieHeader: renewedCookieHeader,
    setCookies,
  };
}

function renewOnce(
  params: RenewRequestSessionParams,
  sessionId: string,
  clientCookie: string,
): Promise<RenewSessionTokenResult> {
  const frontendApiUrl = params.frontendApiUrl as string;
  const key = `${frontendApiUrl}\n${sessionId}\n${clientCookie}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = renewSessionToken({
      frontendApiUrl,
      sessionId,
      clientCookie,
      origin: new URL(params.request.url).origin,
      fetch: params.fetch,
      timeoutInMs: params.timeoutInMs,
    }).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * The session id of a cookie token whose signature and static claims verify. An expired token
 * qualifies: the backend checks the signature before any claim and the clock last, so
 * `token-expired` means everything else passed.
 */
async function sessionIdOf(
  token: string,
  options: AuthenticateRequestOptions,
): Promise<string | undefined> {
  let sid: unknown;
  try {
    sid = (await verifyToken(token, options)).sid;
  } catch (err) {
    if (!(err instanceof TokenVerificationError) || err.code !== "token-expired") return undefined;
    sid = decodeJwtPayload(token)?.sid;
  }
  return typeof sid === "string" && sid.length > 0 ? sid : undefined;
}

function renewalAttempts(cookieHeader: string | null): number {
  // Almost every request has no counter: skip splitting the whole header then.
  if (!cookieHeader?.includes(RENEWAL_COUNT_COOKIE)) return 0;
  const raw = readCookie(cookieHeader, RENEWAL_COUNT_COOKIE);
  if (raw === undefined) return 0;
  const count = /^\d{1,3}$/.test(raw) ? Number(raw) : MAX_RENEWAL_ATTEMPTS;
  return Math.min(count, MAX_RENEWAL_ATTEMPTS);
}

function counterCookie(request: Request, count: number): string {
  const secure = new URL(request.url).protocol === "https:";
  return serializeCookie(RENEWAL_COUNT_COOKIE, String(count), {
    maxAge: count === 0 ? 0 : RENEWAL_COUNT_MAX_AGE_S,
    httpOnly: true,
    secure,
  });
}
