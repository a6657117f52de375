import { AUTH_HEADERS } from "./auth-header-names.js";
import { authStateMac, macEquals } from "./auth-state-mac.js";

/** The middleware's verdict on a request, as carried in request headers. */
export interface SignedAuthState {
  status: "signed-in" | "signed-out";
  /** Why the request is signed out; empty when signed in. */
  reason: string;
  /** The session token the verdict is about (possibly freshly renewed); empty when signed out. */
  token: string;
  /** The URL the browser asked for, before any rewrite. */
  url: string;
}

const VERSION = "latchkey.auth-headers.v1";

function signedText(state: SignedAuthState): string {
  return JSON.stringify([VERSION, state.status, state.reason, state.token, state.url]);
}

type Entries = [name: string, value: string][];

/**
 * The request headers that carry `state`, with an HMAC-SHA256 over all of them keyed with the
 * secret key. Synchronous on Node; a promise on edge runtimes (Web Crypto).
 */
export function signAuthState(
  state: SignedAuthState,
  secretKey: string,
): Entries | Promise<Entries> {
  const mac = authStateMac(secretKey, signedText(state));
  return typeof mac === "string" ? entriesOf(state, mac) : mac.then((m) => entriesOf(state, m));
}

function entriesOf(state: SignedAuthState, mac: string): Entries {
  return [
    [AUTH_HEADERS.status, state.status],
    [AUTH_HEADERS.reason, state.reason],
    [AUTH_HEADERS.token, state.token],
    [AUTH_HEADERS.url, state.url],
    [AUTH_HEADERS.signature, mac],
  ];
}

/**
 * The state the middleware signed, or `undefined` when any header is missing or the HMAC does
 * not match (the headers are then ignored: fail closed). The comparison is constant-time.
 * Synchronous on Node; a promise on edge runtimes.
 */
export function readSignedAuthState(
  header: (name: string) => string | undefined,
  secretKey: string | undefined,
): SignedAuthState | undefined | Promise<SignedAuthState | undefined> {
  if (!secretKey) return undefined;
  const status = header(AUTH_HEADERS.status);
  const reason = header(AUTH_HEADERS.reason);
  const token = header(AUTH_HEADERS.token);
  const url = header(AUTH_HEADERS.url);
  const signature = header(AUTH_HEADERS.signature);
  if (status !== "signed-in" && status !== "signed-out") return undefined;
  if (reason === undefined || token === undefined || url === undefined || !signature) {
    return undefined;
  }
  if (status === "signed-in" && token.length === 0) return undefined;
  const state: SignedAuthState = { status, reason, token, url };
  const expected = authStateMac(secretKey, signedText(state));
  const check = (mac: string) => (macEquals(mac, signature) ? state : undefined);
  return typeof expected === "string" ? check(expected) : expected.then(check);
}
