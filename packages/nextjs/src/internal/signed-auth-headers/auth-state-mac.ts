/** The parts of `node:crypto` the synchronous path uses. */
interface NodeHmac {
  createSecretKey(key: string, encoding: "utf8"): object;
  createHmac(
    algorithm: "sha256",
    key: object,
  ): {
    update(data: string, encoding: "utf8"): { digest(encoding: "base64url"): string };
  };
}

/**
 * `node:crypto` when this runtime has it (Node: `proxy.ts`, route handlers, server components);
 * `undefined` on edge runtimes. Looked up at run time so edge bundles import nothing.
 */
const nodeHmac = ((): NodeHmac | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeHmac> | undefined;
    return typeof crypto?.createHmac === "function" && typeof crypto.createSecretKey === "function"
      ? (crypto as NodeHmac)
      : undefined;
  } catch {
    return undefined;
  }
})();

const encoder = new TextEncoder();
// Imported keys by secret key (an app has one; a bound keeps a misuse from growing memory).
const MAX_KEYS = 8;
const nodeKeys = new Map<string, object>();
const webKeys = new Map<string, Promise<CryptoKey>>();

/**
 * HMAC-SHA256 of `message` keyed with `secretKey`, as unpadded base64url. Synchronous where
 * `node:crypto` exists (a few µs); a promise through Web Crypto on edge runtimes.
 *
 * @throws never synchronously; the Web Crypto promise rejects only if the runtime lacks HMAC.
 */
export function authStateMac(secretKey: string, message: string): string | Promise<string> {
  if (nodeHmac) {
    let key = nodeKeys.get(secretKey);
    if (!key) {
      if (nodeKeys.size >= MAX_KEYS) nodeKeys.clear();
      key = nodeHmac.createSecretKey(secretKey, "utf8");
      nodeKeys.set(secretKey, key);
    }
    return nodeHmac.createHmac("sha256", key).update(message, "utf8").digest("base64url");
  }
  return webCryptoMac(secretKey, message);
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
