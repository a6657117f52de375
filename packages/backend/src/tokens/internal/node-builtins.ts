/** A Node `Buffer`, as far as the fast paths use it. */
export type NodeBufferInstance = Uint8Array & {
  /** Writes `text` decoded as `encoding` at `offset`; returns the number of bytes written. */
  write(text: string, offset: number, encoding: "latin1" | "base64url"): number;
  toString(encoding: "utf8", start?: number, end?: number): string;
};

/** The parts of `node:buffer` the fast paths use. */
export interface NodeBuffer {
  from(value: string, encoding: "latin1" | "base64url"): NodeBufferInstance;
  allocUnsafeSlow(size: number): NodeBufferInstance;
}

/** The parts of `node:crypto` the fast path uses. */
export interface NodeCrypto {
  createPublicKey(
    input: { key: JsonWebKey; format: "jwk" } | { key: Uint8Array; format: "der"; type: "spki" },
  ): { asymmetricKeyType?: string };
  verify(algorithm: string, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
}

/**
 * `node:crypto` and `node:buffer`, when this runtime has them; `undefined` on edge runtimes,
 * browsers and workers. `process.getBuiltinModule` is a runtime lookup, so no import exists for
 * edge bundlers to trip on; callers fall back to Web APIs when this is undefined.
 */
export const nodeBuiltins = ((): { crypto: NodeCrypto; Buffer: NodeBuffer } | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
    const buffer = proc?.getBuiltinModule?.("node:buffer") as { Buffer?: NodeBuffer } | undefined;
    return crypto && buffer?.Buffer ? { crypto, Buffer: buffer.Buffer } : undefined;
  } catch {
    return undefined;
  }
})();
