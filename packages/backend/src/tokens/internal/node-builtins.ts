/** A `node:crypto` `KeyObject`, as far as the fast path uses it. */
export interface NodeKeyObject {
  readonly asymmetricKeyType?: string;
}

/** The parts of `node:crypto` the fast path uses. */
export interface NodeCrypto {
  KeyObject: { from(key: CryptoKey): NodeKeyObject };
  verify(algorithm: string, data: Uint8Array, key: NodeKeyObject, signature: Uint8Array): boolean;
}

/** The part of `node:buffer` the fast path uses: a fresh buffer per call, never a shared one. */
export interface NodeBuffer {
  from(text: string, encoding: "base64url" | "latin1"): Uint8Array & { toString(): string };
}

/**
 * `node:crypto` (and `Buffer`), when this runtime has them; `undefined` on edge runtimes, browsers and workers.
 * `process.getBuiltinModule` is a runtime lookup, so no import exists for edge bundlers to trip
 * on; callers fall back to Web Crypto when this is undefined.
 */
export const nodeBuiltins = ((): { crypto: NodeCrypto; Buffer: NodeBuffer } | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined;
    const buffer = proc?.getBuiltinModule?.("node:buffer") as { Buffer?: NodeBuffer } | undefined;
    return typeof crypto?.verify === "function" &&
      typeof crypto.KeyObject?.from === "function" &&
      buffer?.Buffer
      ? { crypto: crypto as NodeCrypto, Buffer: buffer.Buffer }
      : undefined;
  } catch {
    return undefined;
  }
})();

/** What {@link nodeBuiltins} holds. */
export type NodeBuiltins = NonNullable<typeof nodeBuiltins>;
