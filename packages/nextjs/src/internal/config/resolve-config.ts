import {
  type AuthenticateRequestOptions,
  type ClerkClient,
  type ClerkClientOptions,
  createClerkClient,
  type TemplateTokenFetcher,
  TokenVerificationError,
} from "@latchkey/backend";
import { LatchkeyNextjsError } from "../../latchkey-nextjs-error.js";
import type { LatchkeyOptions } from "../../latchkey-options.js";
import { frontendApiUrlOf, parsePublishableKey } from "./parse-publishable-key.js";
import { type LatchkeyEnv, readEnv } from "./read-env.js";

const DEFAULT_API_URL = "https://api.clerk.com";

/** Settings after options, environment and defaults are merged and checked. */
export interface ResolvedConfig {
  secretKey: string | undefined;
  publishableKey: string | undefined;
  apiUrl: string;
  apiVersion: string;
  jwtKey: string | undefined;
  signInUrl: string;
  signUpUrl: string;
  /** Base URL of the Frontend API (no trailing slash), when it can be known. */
  frontendApiUrl: string | undefined;
  fetch: typeof fetch;
  now: () => number;
  /** One object per configuration, so the backend's verifier caches are shared across requests. */
  authenticateOptions: AuthenticateRequestOptions;
  client: ClerkClient;
}

const NO_OPTIONS: LatchkeyOptions = {};
const MAX_CONFIGS_PER_OPTIONS = 8;
const MAX_SHARED_CONFIGS = 64;
const cache = new WeakMap<LatchkeyOptions, Map<string, ResolvedConfig>>();
const sharedByValue = new Map<string, ResolvedConfig>();
const lastResolved = new WeakMap<
  LatchkeyOptions,
  { values: readonly unknown[]; config: ResolvedConfig }
>();

/**
 * Merges options over the environment (read now, at request time), checks every value and
 * returns the configuration, made once per distinct set of values.
 *
 * @throws {LatchkeyNextjsError} `config-missing` when neither a secret key nor a JWT key is set;
 *   `config-invalid` when a value is malformed. Both name the environment variable.
 */
export function resolveConfig(options: LatchkeyOptions = NO_OPTIONS): ResolvedConfig {
  // Variables that options override are not even read (see `buildConfig`: option || variable).
  const env = readEnv(options);
  const values = [
    env.CLERK_SECRET_KEY,
    env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    env.CLERK_API_URL,
    env.CLERK_API_VERSION,
    env.CLERK_JWT_KEY,
    env.NEXT_PUBLIC_CLERK_SIGN_IN_URL,
    env.NEXT_PUBLIC_CLERK_SIGN_UP_URL,
    options.secretKey,
    options.publishableKey,
    options.apiUrl,
    options.apiVersion,
    options.jwtKey,
    options.authorizedParties?.join("\n"),
    Array.isArray(options.audience) ? options.audience.join("\n") : options.audience,
    options.signInUrl,
    options.signUpUrl,
    options.frontendApiUrl,
    options.clockSkewInMs,
  ];
  // Per request the values are almost always those of the last call: compare them one by one
  // (no key string to build and hash, no PEM to serialise).
  const last = lastResolved.get(options);
  if (last?.values.every((value, index) => value === values[index])) return last.config;

  const key = JSON.stringify(values);
  // Options without functions share configurations by value, so options made afresh per request
  // (`clerkMiddleware(handler, (req) => ({ … }))`) do not rebuild one (and its client) each time.
  // A `fetch` or `now` cannot be compared by value: such options keep their own.
  const shareable = options.fetch === undefined && options.now === undefined;
  const configs = shareable ? sharedByValue : configsOf(options);
  let config = configs.get(key);
  if (!config) {
    config = buildConfig(options, env);
    if (configs.size >= (shareable ? MAX_SHARED_CONFIGS : MAX_CONFIGS_PER_OPTIONS)) configs.clear();
    configs.set(key, config);
  }
  lastResolved.set(options, { values, config });
  return config;
}

function configsOf(options: LatchkeyOptions): Map<string, ResolvedConfig> {
  let configs = cache.get(options);
  if (!configs) {
    configs = new Map();
    cache.set(options, configs);
  }
  return configs;
}

function buildConfig(options: LatchkeyOptions, env: LatchkeyEnv): ResolvedConfig {
  const secretKey = options.secretKey || env.CLERK_SECRET_KEY;
  const publishableKey = options.publishableKey || env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
  const jwtKey = options.jwtKey || env.CLERK_JWT_KEY;
  const explicitApiUrl = options.apiUrl || env.CLERK_API_URL;

  if (secretKey !== undefined && !/^sk_[A-Za-z0-9]+_\S+$/.test(secretKey)) {
    throw invalid("CLERK_SECRET_KEY", 'a secret key starts with "sk_test_" or "sk_live_"');
  }
  if (secretKey === undefined && jwtKey === undefined) {
    throw new LatchkeyNextjsError(
      "config-missing",
      "CLERK_SECRET_KEY is not set. Set it to your instance's secret key (or set CLERK_JWT_KEY to verify tokens without a secret key).",
      { variable: "CLERK_SECRET_KEY" },
    );
  }
  const parsedKey =
    publishableKey === undefined
      ? undefined
      : parsePublishableKey(publishableKey, "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY");
  const apiUrl = explicitApiUrl ? httpUrl(explicitApiUrl, "CLERK_API_URL") : DEFAULT_API_URL;
  let frontendApiUrl: string | undefined;
  if (options.frontendApiUrl) frontendApiUrl = httpUrl(options.frontendApiUrl, "frontendApiUrl");
  else if (explicitApiUrl) frontendApiUrl = `${apiUrl}/__clerk`;
  else if (parsedKey) frontendApiUrl = frontendApiUrlOf(parsedKey);

  const signInUrl = pageUrl(
    options.signInUrl || env.NEXT_PUBLIC_CLERK_SIGN_IN_URL || "/sign-in",
    "NEXT_PUBLIC_CLERK_SIGN_IN_URL",
  );
  const signUpUrl = pageUrl(
    options.signUpUrl || env.NEXT_PUBLIC_CLERK_SIGN_UP_URL || "/sign-up",
    "NEXT_PUBLIC_CLERK_SIGN_UP_URL",
  );
  const apiVersion = options.apiVersion || env.CLERK_API_VERSION || "v1";
  const fetchFn: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;

  const client = clientFor({
    secretKey,
    publishableKey,
    apiUrl,
    apiVersion,
    jwtKey,
    fetch: options.fetch,
    now: options.now,
  });
  const templateTokenFetcher: TemplateTokenFetcher = async (sessionId, template, expiresIn) =>
    (await client.sessions.getToken(sessionId, template, expiresIn)).jwt;
  const authenticateOptions: AuthenticateRequestOptions = {
    secretKey,
    jwtKey,
    apiUrl,
    apiVersion,
    publishableKey,
    signInUrl,
    signUpUrl,
    templateTokenFetcher,
  };
  if (options.authorizedParties) authenticateOptions.authorizedParties = options.authorizedParties;
  if (options.audience !== undefined) authenticateOptions.audience = options.audience;
  if (options.clockSkewInMs !== undefined)
    authenticateOptions.clockSkewInMs = options.clockSkewInMs;
  if (options.fetch) authenticateOptions.fetch = options.fetch;
  if (options.now) authenticateOptions.now = options.now;

  return {
    secretKey,
    publishableKey,
    apiUrl,
    apiVersion,
    jwtKey,
    signInUrl,
    signUpUrl,
    frontendApiUrl,
    fetch: fetchFn,
    now,
    authenticateOptions,
    client,
  };
}

function invalid(variable: string, why: string): LatchkeyNextjsError {
  return new LatchkeyNextjsError("config-invalid", `${variable} is malformed: ${why}.`, {
    variable,
  });
}

function httpUrl(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(variable, "it must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(variable, "it must be an absolute http(s) URL");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function pageUrl(value: string, variable: string): string {
  if (value.startsWith("/") && !value.startsWith("//")) return value;
  httpUrl(value, variable);
  return value;
}

/**
 * The Backend API client. `@latchkey/backend` checks `jwtKey` here, with the same PEM check its
 * verifier uses (one check for both packages): a key that cannot be PEM text fails at once.
 */
function clientFor(options: ClerkClientOptions): ClerkClient {
  try {
    return createClerkClient(options);
  } catch (err) {
    if (err instanceof TokenVerificationError && err.code === "jwk-local-missing") {
      throw invalid("CLERK_JWT_KEY", "it must be the instance's PEM public key");
    }
    throw err;
  }
}
