// Declared here rather than from @types/node so the middleware graph stays Web-only; the literal
// `process.env.NAME` reads below let Next inline `NEXT_PUBLIC_*` values at build time.
declare const process: { env: Record<string, string | undefined> } | undefined;

/** The environment variables `@latchkey/nextjs` reads. */
export interface LatchkeyEnv {
  CLERK_SECRET_KEY: string | undefined;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: string | undefined;
  CLERK_API_URL: string | undefined;
  CLERK_API_VERSION: string | undefined;
  CLERK_JWT_KEY: string | undefined;
  NEXT_PUBLIC_CLERK_SIGN_IN_URL: string | undefined;
  NEXT_PUBLIC_CLERK_SIGN_UP_URL: string | undefined;
}

/**
 * Reads the environment now (at request time). Empty values count as unset. Where no `process`
 * exists, everything is unset.
 */
export function readEnv(): LatchkeyEnv {
  if (typeof process === "undefined" || !process.env) {
    return {
      CLERK_SECRET_KEY: undefined,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: undefined,
      CLERK_API_URL: undefined,
      CLERK_API_VERSION: undefined,
      CLERK_JWT_KEY: undefined,
      NEXT_PUBLIC_CLERK_SIGN_IN_URL: undefined,
      NEXT_PUBLIC_CLERK_SIGN_UP_URL: undefined,
    };
  }
  return {
    CLERK_SECRET_KEY: nonEmpty(process.env.CLERK_SECRET_KEY),
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: nonEmpty(process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY),
    CLERK_API_URL: nonEmpty(process.env.CLERK_API_URL),
    CLERK_API_VERSION: nonEmpty(process.env.CLERK_API_VERSION),
    CLERK_JWT_KEY: nonEmpty(process.env.CLERK_JWT_KEY),
    NEXT_PUBLIC_CLERK_SIGN_IN_URL: nonEmpty(process.env.NEXT_PUBLIC_CLERK_SIGN_IN_URL),
    NEXT_PUBLIC_CLERK_SIGN_UP_URL: nonEmpty(process.env.NEXT_PUBLIC_CLERK_SIGN_UP_URL),
  };
}

/** One variable not in {@link LatchkeyEnv} (e.g. Next's experimental flags), or `undefined`. */
export function readEnvVar(name: string): string | undefined {
  if (typeof process === "undefined" || !process.env) return undefined;
  return nonEmpty(process.env[name]);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
