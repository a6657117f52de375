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
 * Which variables an option already settles (a non-empty option wins over its variable): those
 * are not read at all.
 */
export interface EnvOverrides {
  secretKey?: string | undefined;
  publishableKey?: string | undefined;
  apiUrl?: string | undefined;
  apiVersion?: string | undefined;
  jwtKey?: string | undefined;
  signInUrl?: string | undefined;
  signUpUrl?: string | undefined;
}

const NO_OVERRIDES: EnvOverrides = {};

/**
 * Reads the environment now (at request time), skipping variables an option overrides: each read
 * crosses into native code (a PEM key is hundreds of bytes copied per request). Empty values
 * count as unset. Where no `process` exists, everything is unset.
 */
export function readEnv(overrides: EnvOverrides = NO_OVERRIDES): LatchkeyEnv {
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
    CLERK_SECRET_KEY: overrides.secretKey ? undefined : nonEmpty(process.env.CLERK_SECRET_KEY),
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: overrides.publishableKey
      ? undefined
      : nonEmpty(process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY),
    CLERK_API_URL: overrides.apiUrl ? undefined : nonEmpty(process.env.CLERK_API_URL),
    CLERK_API_VERSION: overrides.apiVersion ? undefined : nonEmpty(process.env.CLERK_API_VERSION),
    CLERK_JWT_KEY: overrides.jwtKey ? undefined : nonEmpty(process.env.CLERK_JWT_KEY),
    NEXT_PUBLIC_CLERK_SIGN_IN_URL: overrides.signInUrl
      ? undefined
      : nonEmpty(process.env.NEXT_PUBLIC_CLERK_SIGN_IN_URL),
    NEXT_PUBLIC_CLERK_SIGN_UP_URL: overrides.signUpUrl
      ? undefined
      : nonEmpty(process.env.NEXT_PUBLIC_CLERK_SIGN_UP_URL),
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
