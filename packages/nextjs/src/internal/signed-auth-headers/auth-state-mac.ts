/** The parts of `node:crypto` the Node form uses. */
interface NodeCryptoParts {
  createHmac(
    algorithm: "sha256",
    key: string,
  ): { update(data: string, encoding: "utf8"): { digest(encoding: "base64url"): string } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

/**
 * `node:crypto` when this runtime has it (Node: `proxy.ts`, route handlers, server components);
 * `undefined` on edge runtimes. Looked up at run time so edge bundles import nothing.
 */
const nodeCrypto = ((): NodeCryptoParts | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCryptoParts> | undefined;
    return typeof crypto?.createHmac === "function" && typeof crypto.timingSafeEqual === "function"
      ? (crypto as NodeCryptoParts)
      : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * HMAC-SHA256 keyed with the secret key, over the middleware's verdict, as unpadded base64url.
 * Its form depends on the runtime, and says so in `runtime`:
 * - `node`: `node:crypto`'s `createHmac`, answered at once; compared with `timingSafeEqual`;
 * - `web`: Web Crypto (`crypto.subtle`, the key imported once), answered by a promise.
 */
export type AuthStateMac =
  | {
      runtime: "node";
      sign(message: string): string;
      /** True when `mac` is the MAC of `message` (constant-time comparison). */
      verify(message: string, mac: string): boolean;
    }
  | {
      runtime: "web";
      sign(message: string): Promise<string>;
      /** True when `mac` is the MAC of `message` (`crypto.subtle.verify`). */
      verify(message: string, mac: string): Promise<boolean>;
    };

// An app has one secret key; a bound keeps a misuse from growing memory.
const MAX_KEYS = 8;
const macs = new Map<string, AuthStateMac>();

/** The MAC for `secretKey`, made once per key. */
export function authStateMacFor(secretKey: string): AuthStateMac {
  let mac = macs.get(secretKey);
  if (mac === undefined) {
    mac = nodeCrypto ? nodeMac(nodeCrypto, secretKey) : webMac(secretKey);
    if (macs.size >= MAX_KEYS) macs.clear();
    macs.set(secretKey, mac);
  }
  return mac;
}

// Recent MACs are remembered (a bounded number per key, strings only): a browser sends the same
// token to the same URL again and again, and the page behind the middleware checks the very
// verdict the middleware signed moments before, so most messages were signed already.
const MAX_REMEMBERED_MACS = 1024;

function nodeMac(crypto: NodeCryptoParts, secretKey: string): AuthStateMac {
  const remembered = new Map<string, string>();
  const sign = (message: string): string => {
    const known = remembered.get(message);
    if (known !== undefined) return known;
    const mac = crypto.createHmac("sha256", secretKey).update(message, "utf8").digest("base64url");
    remember(remembered, message, mac);
    return mac;
  };
  return {
    runtime: "node",
    sign,
    verify: (message, mac) => {
      const expected = encoder.encode(sign(message));
      const given = encoder.encode(mac);
      // Only the length can differ in time, and a MAC's length is public.
      return expected.length === given.length && crypto.timingSafeEqual(expected, given);
    },
  };
}

const encoder = new TextEncoder();

function webMac(secretKey: string): AuthStateMac {
  const key = crypto.subtle.importKey(
    "raw",
    encoder.encode(secretKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
  const remembered = new Map<string, string>();
  return {
    runtime: "web",
    sign: async (message) => {
      const known = remembered.get(message);
      if (known !== undefined) return known;
      const bytes = await crypto.subtle.sign("HMAC", await key, encoder.encode(message));
      const mac = base64UrlOf(new Uint8Array(bytes));
      remember(remembered, message, mac);
      return mac;
    },
    verify: async (message, mac) => {
      const given = bytesOfBase64Url(mac);
      if (given === undefined) return false;
      return crypto.subtle.verify("HMAC", await key, given, encoder.encode(message));
    },
  };
}

function remember(remembered: Map<string, string>, message: string, mac: string): void {
  if (remembered.size >= MAX_REMEMBERED_MACS) {
    const oldest = remembered.keys().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  remembered.set(message, mac);
}

function base64UrlOf(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The bytes of unpadded base64url text, or `undefined` when it is not that. Only the canonical
 * spelling is taken (decoders ignore the last character's spare bits): one MAC, one string.
 */
function bytesOfBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  } catch {
    return undefined;
  }
  return base64UrlOf(bytes) === text ? bytes : undefined;
}
