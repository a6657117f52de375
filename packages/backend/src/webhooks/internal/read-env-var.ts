interface ProcessLike {
  env?: Record<string, string | undefined>;
}

/**
 * Reads an environment variable where a `process.env` exists (Node, Next.js, most bundlers), and
 * returns `undefined` elsewhere (browsers, bare edge runtimes) instead of throwing.
 */
export function readEnvVar(name: string): string | undefined {
  try {
    const process = (globalThis as { process?: ProcessLike }).process;
    const value = process?.env?.[name];
    return typeof value === "string" && value.length > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
