import { readCookie } from "../cookie-header.js";
import { AUTH_HEADERS } from "./auth-header-names.js";
import { authStateMacFor } from "./auth-state-mac.js";

/**
 * Where the page finds the session token a signed-in verdict is about: the `__session` cookie,
 * `Authorization: Bearer`, or the verdict's own token header (when a handler set the page's
 * request headers itself, so the others may not reach it).
 */
export type TokenSource = "cookie" | "authorization" | "inline";

/** The middleware's verdict on a request, as carried in request headers. */
export interface SignedAuthState {
  status: "signed-in" | "signed-out";
  /** Why the request is signed out; empty when signed in. */
  reason: string;
  /** Where the token travels ({@link TokenSource}); empty when signed out. */
  source: TokenSource | "";
  /**
   * The session token the verdict is about (possibly freshly renewed); empty when signed out.
   * Unless `source` is `inline`, it is not sent again in a header of its own: it is already in
   * the request, and the HMAC covers it, so a page that finds another token there does not get
   * the verdict.
   */
  token: string;
  /** The URL the browser asked for, before any rewrite. */
  url: string;
}

const VERSION = "latchkey.auth-verdict.v3";

/**
 * What the HMAC covers: every field, each prefixed with its length, so no two states share a
 * text whatever their fields contain.
 */
function signedText(state: SignedAuthState): string {
  const { status, source, reason, url, token } = state;
  return `${VERSION}:${status.length}:${status}${source.length}:${source}${reason.length}:${reason}${url.length}:${url}${token.length}:${token}`;
}

/** Request headers as name-value pairs. */
export type AuthHeaderEntries = [name: string, value: string][];

/**
 * The request headers that carry `state`: the verdict header (`status;source;reason;mac;url`,
 * the URL last since it may hold `;`) with an HMAC-SHA256 over every field and the token, keyed
 * with the secret key, plus the token itself when its source is `inline`.
 */
export async function signAuthState(
  state: SignedAuthState,
  secretKey: string,
): Promise<AuthHeaderEntries> {
  const signing = startSigningAuthState(state, secretKey);
  return signing.settled ? signing.entries : signing.pending;
}

/**
 * {@link signAuthState} as far as this runtime goes at once: `settled` with the headers on Node
 * (`node:crypto`, synchronous), or `pending` on edge runtimes (Web Crypto answers by a promise).
 */
export type AuthStateSigning =
  | { settled: true; entries: AuthHeaderEntries }
  | { settled: false; pending: Promise<AuthHeaderEntries> };

/** Signs `state` as {@link signAuthState} does, without a promise where the runtime needs none. */
export function startSigningAuthState(state: SignedAuthState, secretKey: string): AuthStateSigning {
  const mac = authStateMacFor(secretKey);
  const text = signedText(state);
  if (mac.runtime === "node") return { settled: true, entries: entriesOf(state, mac.sign(text)) };
  return { settled: false, pending: mac.sign(text).then((signed) => entriesOf(state, signed)) };
}

function entriesOf(state: SignedAuthState, mac: string): AuthHeaderEntries {
  const verdict = `${state.status};${state.source};${state.reason};${mac};${state.url}`;
  return state.source === "inline"
    ? [
        [AUTH_HEADERS.verdict, verdict],
        [AUTH_HEADERS.token, state.token],
      ]
    : [[AUTH_HEADERS.verdict, verdict]];
}

/**
 * What the request's verdict headers say, checked:
 * - `absent`: no verdict, or a malformed one, or the token is not where it says;
 * - `valid` / `invalid`: the HMAC was checked at once (Node), and matches or not;
 * - `pending`: the HMAC is being checked (Web Crypto, edge runtimes); resolves to the state when
 *   it matches, `undefined` when not.
 * Only `valid` (or a `pending` that resolves to a state) may be believed: everything else fails
 * closed.
 */
export type VerdictCheck =
  | { status: "absent" }
  | { status: "valid"; state: SignedAuthState }
  | { status: "invalid" }
  | { status: "pending"; state: Promise<SignedAuthState | undefined> };

/** Reads the middleware's verdict from the request headers and checks its HMAC. */
export function checkSignedAuthState(
  header: (name: string) => string | undefined,
  secretKey: string | undefined,
): VerdictCheck {
  if (!secretKey) return ABSENT;
  const claimed = claimedState(header);
  if (claimed === undefined) return ABSENT;
  const { state, signature } = claimed;
  const mac = authStateMacFor(secretKey);
  const text = signedText(state);
  if (mac.runtime === "node") {
    return mac.verify(text, signature) ? { status: "valid", state } : INVALID;
  }
  return {
    status: "pending",
    state: mac.verify(text, signature).then((matches) => (matches ? state : undefined)),
  };
}

const ABSENT: VerdictCheck = { status: "absent" };
const INVALID: VerdictCheck = { status: "invalid" };

/**
 * The state the middleware signed, or `undefined` when the verdict is missing or malformed, the
 * token is not where it says, or the HMAC does not match (the headers are then ignored: fail
 * closed). The comparison is constant-time.
 */
export async function readSignedAuthState(
  header: (name: string) => string | undefined,
  secretKey: string | undefined,
): Promise<SignedAuthState | undefined> {
  const check = checkSignedAuthState(header, secretKey);
  switch (check.status) {
    case "valid":
    case "pending":
      return check.state;
    case "absent":
    case "invalid":
      return undefined;
  }
}

/** The verdict's fields as the headers state them, before any HMAC check. */
function claimedState(
  header: (name: string) => string | undefined,
): { state: SignedAuthState; signature: string } | undefined {
  const verdict = header(AUTH_HEADERS.verdict);
  if (!verdict) return undefined;
  const afterStatus = verdict.indexOf(";");
  const afterSource = verdict.indexOf(";", afterStatus + 1);
  const afterReason = verdict.indexOf(";", afterSource + 1);
  const afterMac = verdict.indexOf(";", afterReason + 1);
  if (afterStatus < 0 || afterSource < 0 || afterReason < 0 || afterMac < 0) return undefined;
  const status = verdict.slice(0, afterStatus);
  const source = verdict.slice(afterStatus + 1, afterSource);
  const reason = verdict.slice(afterSource + 1, afterReason);
  const signature = verdict.slice(afterReason + 1, afterMac);
  const url = verdict.slice(afterMac + 1);
  if (status !== "signed-in" && status !== "signed-out") return undefined;
  if (source !== "cookie" && source !== "authorization" && source !== "inline" && source !== "") {
    return undefined;
  }
  if (!signature) return undefined;
  const token = tokenFrom(header, source);
  if (status === "signed-in" && token.length === 0) return undefined;
  return { state: { status, reason, source, token, url }, signature };
}

/** The session token at `source` in the request's headers; empty when there is none. */
export function tokenFrom(
  header: (name: string) => string | undefined,
  source: TokenSource | "",
): string {
  if (source === "cookie") return readCookie(header("cookie"), "__session") ?? "";
  if (source === "inline") return header(AUTH_HEADERS.token) ?? "";
  if (source === "authorization") {
    const value = header("authorization")?.trim() ?? "";
    return /^bearer /i.test(value) ? value.slice(7).trim() : "";
  }
  return "";
}
