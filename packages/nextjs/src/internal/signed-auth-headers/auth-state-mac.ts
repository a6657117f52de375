/** The parts of `node:crypto` and `node:buffer` the synchronous path uses. */
interface NodeCryptoParts {
  createHmac(
    algorithm: "sha256",
    key: string,
  ): {
    update(data: string, encoding: "utf8"): { digest(encoding: "base64url"): string };
  };
  /** One-shot digest (Node ≥ 20.12): no hash object per call. */
  hash?(algorithm: "sha256", data: Uint8Array, outputEncoding: "buffer" | "base64url"): unknown;
}

interface NodeBufferInstance extends Uint8Array {
  write(text: string, offset: number, encoding: "utf8"): number;
}

interface NodeBufferParts {
  allocUnsafeSlow(size: number): NodeBufferInstance;
  byteLength(text: string, encoding: "utf8"): number;
}

/**
 * `node:crypto` and `node:buffer` when this runtime has them (Node: `proxy.ts`, route handlers,
 * server components); `undefined` on edge runtimes. Looked up at run time so edge bundles import
 * nothing.
 */
const node = ((): { crypto: NodeCryptoParts; Buffer: NodeBufferParts } | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCryptoParts> | undefined;
    const buffer = proc?.getBuiltinModule?.("node:buffer") as
      | { Buffer?: NodeBufferParts }
      | undefined;
    return typeof crypto?.createHmac === "function" && buffer?.Buffer
      ? { crypto: crypto as NodeCryptoParts, Buffer: buffer.Buffer }
      : undefined;
  } catch {
    return undefined;
  }
})();

const BLOCK = 64;
const DIGEST = 32;
const encoder = new TextEncoder();
// Keys by secret key (an app has one; a bound keeps a misuse from growing memory).
const MAX_KEYS = 8;
const webKeys = new Map<string, Promise<CryptoKey>>();

/** A secret key's HMAC pads (RFC 2104), written once into the buffers each MAC reuses. */
interface PaddedKey {
  /** `key ⊕ ipad`, followed by room for the message. */
  inner: NodeBufferInstance;
  /** `key ⊕ opad`, followed by the inner digest. */
  outer: NodeBufferInstance;
}
const paddedKeys = new Map<string, PaddedKey>();

/**
 * HMAC-SHA256 of `message` keyed with `secretKey`, as unpadded base64url. Synchronous where
 * `node:crypto` exists; a promise through Web Crypto on edge runtimes, except for a message
 * signed recently (see below). On Node ≥ 20.12 it is the RFC 2104 construction over two one-shot
 * SHA-256 calls into reused buffers: no hash objects or buffers are made per request
 * (`createHmac` made a native object each time).
 *
 * Recent MACs are remembered (by key and message, a bounded number): a browser sends the same
 * token to the same URL again and again, and the page behind the middleware checks the very
 * verdict the middleware just signed, so most messages were signed moments before.
 *
 * @throws never synchronously; the Web Crypto promise rejects only if the runtime lacks HMAC.
 */
export function authStateMac(secretKey: string, message: string): string | Promise<string> {
  const cache = macCacheFor(secretKey);
  const known = cache.get(message);
  if (known !== undefined) return known;
  const mac = computeMac(secretKey, message);
  if (typeof mac === "string") {
    remember(cache, message, mac);
    return mac;
  }
  // A failure is left to the caller, who holds the same promise.
  return mac.then((value) => {
    remember(cache, message, value);
    return value;
  });
}

// Bounded: at most this many messages per key (≈ 1.5 KB each), the oldest forgotten first.
const MAX_CACHED_MACS = 1024;
let cachedKey: string | undefined;
let macCache = new Map<string, string>();

/** The MACs remembered for `secretKey` (an app has one key: another one starts afresh). */
function macCacheFor(secretKey: string): Map<string, string> {
  if (cachedKey !== secretKey) {
    cachedKey = secretKey;
    macCache = new Map();
  }
  return macCache;
}

function remember(cache: Map<string, string>, message: string, mac: string): void {
  if (cache.size >= MAX_CACHED_MACS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(message, mac);
}

function computeMac(secretKey: string, message: string): string | Promise<string> {
  if (!node) return webCryptoMac(secretKey, message);
  const { crypto, Buffer } = node;
  if (typeof crypto.hash !== "function") {
    return crypto.createHmac("sha256", secretKey).update(message, "utf8").digest("base64url");
  }
  const key = paddedKeyFor(secretKey, crypto as Required<NodeCryptoParts>, Buffer);
  if (key.inner.length - BLOCK < message.length * 3) {
    key.inner = grown(key.inner, BLOCK + message.length * 3, Buffer);
  }
  const length = BLOCK + key.inner.write(message, BLOCK, "utf8");
  const innerDigest = crypto.hash("sha256", key.inner.subarray(0, length), "buffer") as Uint8Array;
  key.outer.set(innerDigest, BLOCK);
  return crypto.hash("sha256", key.outer, "base64url") as string;
}

function paddedKeyFor(
  secretKey: string,
  crypto: Required<NodeCryptoParts>,
  Buffer: NodeBufferParts,
): PaddedKey {
  let key = paddedKeys.get(secretKey);
  if (key) return key;
  if (paddedKeys.size >= MAX_KEYS) paddedKeys.clear();
  let raw: Uint8Array = encoder.encode(secretKey);
  // RFC 2104: a key longer than the block is replaced by its digest.
  if (raw.length > BLOCK) raw = crypto.hash("sha256", raw, "buffer") as Uint8Array;
  const inner = Buffer.allocUnsafeSlow(BLOCK + 4096);
  const outer = Buffer.allocUnsafeSlow(BLOCK + DIGEST);
  for (let i = 0; i < BLOCK; i++) {
    const byte = raw[i] ?? 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  key = { inner, outer };
  paddedKeys.set(secretKey, key);
  return key;
}

function grown(
  buffer: NodeBufferInstance,
  size: number,
  Buffer: NodeBufferParts,
): NodeBufferInstance {
  const bigger = Buffer.allocUnsafeSlow(size);
  bigger.set(buffer.subarray(0, BLOCK));
  return bigger;
}

async function webCryptoMac(secretKey: string, message: string): Promise<string> {
  let key = webKeys.get(secretKey);
  if (!key) {
    if (webKeys.size >= MAX_KEYS) webKeys.clear();
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secretKey),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    webKeys.set(secretKey, key);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(message)));
  let binary = "";
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Compares two MACs without an early exit on the first differing character (only the length,
 * which is public for a fixed-size MAC, can leak).
 */
export function macEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
