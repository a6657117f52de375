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

/** What {@link nodeBuiltins} holds. */
export interface NodeBuiltins {
  crypto: NodeCrypto;
  Buffer: NodeBuffer;
  /**
   * One 16 KiB buffer the synchronous fast paths decode into instead of allocating per token
   * (token parts, RSA inputs). Each use finishes before the next begins (no `await` between
   * writing and reading), so they can share it; larger inputs must get their own buffers.
   */
  scratch: NodeBufferInstance;
}

/**
 * `node:crypto` and `node:buffer`, when this runtime has them; `undefined` on edge runtimes,
 * browsers and workers. `process.getBuiltinModule` is a runtime lookup, so no import exists for
 * edge bundlers to trip on; callers fall back to Web APIs when this is undefined.
 */
export const nodeBuiltins = ((): NodeBuiltins | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const crypto = proc?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
    const buffer = proc?.getBuiltinModule?.("node:buffer") as { Buffer?: NodeBuffer } | undefined;
    if (!crypto || !buffer?.Buffer) return undefined;
    return { crypto, Buffer: buffer.Buffer, scratch: buffer.Buffer.allocUnsafeSlow(16 * 1024) };
  } catch {
    return undefined;
  }
})();
