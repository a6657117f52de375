import { AUTH_HEADERS } from "./auth-header-names.js";

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
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_KEYS = 8;

function hmacKey(secretKey: string): Promise<CryptoKey> {
  let key = keys.get(secretKey);
  if (!key) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secretKey),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secretKey, key);
  }
  return key;
}

function signedBytes(state: SignedAuthState): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([VERSION, state.status, state.reason, state.token, state.url]),
  );
}

/**
 * The request headers that carry `state`, with an HMAC-SHA256 over all of them keyed with the
 * secret key.
 */
export async function signAuthState(
  state: SignedAuthState,
  secretKey: string,
): Promise<[name: string, value: string][]> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secretKey), signedBytes(state));
  return [
    [AUTH_HEADERS.status, state.status],
    [AUTH_HEADERS.reason, state.reason],
    [AUTH_HEADERS.token, state.token],
    [AUTH_HEADERS.url, state.url],
    [AUTH_HEADERS.signature, toBase64Url(new Uint8Array(mac))],
  ];
}

/**
 * The state the middleware signed, or `undefined` when any header is missing or the HMAC does
 * not match (the headers are then ignored: fail closed). The comparison is constant-time.
 */
export async function readSignedAuthState(
  header: (name: string) => string | undefined,
  secretKey: string | undefined,
): Promise<SignedAuthState | undefined> {
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
  const mac = fromBase64Url(signature);
  if (mac?.length !== 32) return undefined;
  const state: SignedAuthState = { status, reason, token, url };
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secretKey),
    mac,
    signedBytes(state),
  );
  if (!valid) return undefined;
  if (status === "signed-in" && token.length === 0) return undefined;
  return state;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
