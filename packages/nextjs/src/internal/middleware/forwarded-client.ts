// Declared here rather than from @types/node so the middleware graph stays Web-only.
declare const process: { env: Record<string, string | undefined> } | undefined;

/**
 * Header by which the app's Frontend API proxy tells the instance who its caller was:
 * `v1;<unix seconds>;<http|https>;<address or empty>;<mac>`, the MAC being base64url
 * HMAC-SHA256 keyed with the secret key over the other fields. The instance believes it where it
 * believes no `X-Forwarded-For` (anyone can send that one).
 */
export const FORWARDED_CLIENT_HEADER = "x-latchkey-forwarded-client";

/** Headers that claim who the client was: dropped from what the browser sent, never forwarded. */
export const CLIENT_CLAIM_HEADERS: readonly string[] = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "x-forwarded-proto",
  "clerk-proxy-url",
  FORWARDED_CLIENT_HEADER,
];

const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * The browser's address as this deployment can know it: `clientIp(request)` when given, else
 * the header named by `LATCHKEY_CLIENT_IP_HEADER` (one your platform or proxy sets and
 * overwrites, e.g. `x-real-ip` behind nginx or on Vercel, `cf-connecting-ip` behind Cloudflare),
 * else on Vercel its `x-real-ip`. Otherwise null: `next start` passes on whatever
 * `X-Forwarded-For` a browser sends, so it proves nothing.
 *
 * @example
 * clientAddressOf(request, undefined); // "203.0.113.7" or null
 */
export function clientAddressOf(
  request: Request,
  clientIp: ((request: Request) => string | null | undefined) | undefined,
): string | null {
  const env = typeof process === "undefined" ? {} : process.env;
  const header =
    env.LATCHKEY_CLIENT_IP_HEADER || (env.VERCEL === "1" ? "x-real-ip" : undefined) || null;
  const claimed = clientIp
    ? clientIp(request)
    : header === null
      ? null
      : request.headers.get(header)?.split(",")[0];
  const address = claimed?.trim() ?? "";
  return ADDRESS.test(address) ? address : null;
}

const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secretKey: string): Promise<CryptoKey> {
  let key = keys.get(secretKey);
  if (key === undefined) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secretKey),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    // One secret key per deployment; a few at most across tests.
    if (keys.size >= 8) keys.clear();
    keys.set(secretKey, key);
  }
  return key;
}

function base64url(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Signs what the app's proxy saw of its caller (see {@link FORWARDED_CLIENT_HEADER}).
 *
 * @example
 * await signForwardedClient(secretKey, { address: "203.0.113.7", secure: true }, Date.now());
 */
export async function signForwardedClient(
  secretKey: string,
  client: { address: string | null; secure: boolean },
  nowMs: number,
): Promise<string> {
  const seconds = String(Math.floor(nowMs / 1000));
  const proto = client.secure ? "https" : "http";
  const address = client.address ?? "";
  const message = `latchkey-forwarded-client:v1\n${seconds}\n${proto}\n${address}`;
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secretKey),
    new TextEncoder().encode(message),
  );
  return `v1;${seconds};${proto};${address};${base64url(mac)}`;
}
