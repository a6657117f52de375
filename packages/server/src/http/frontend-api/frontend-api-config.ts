import { createHash } from "node:crypto";
import type { OAuthConnections } from "../../flows/oauth/oauth-connections.js";
import type { VerificationCodeOptions } from "../../flows/verification-codes/verification-code-options.js";
import { createMailer } from "../../mail/create-mailer.js";
import { createRateLimiter, type RateLimiter } from "../../rate-limits/create-rate-limiter.js";
import type { FrontendApiUrls } from "../../wire/frontend-environment-json.js";
import type { RouteServices } from "../define-route.js";
import { DEFAULT_FRONTEND_API_PREFIX, type FrontendApiOptions } from "./frontend-api-options.js";
import { originOf } from "./request-origin.js";

/** The Frontend API's resolved configuration, as routes see it (one per request). */
export interface FrontendApiConfig extends VerificationCodeOptions {
  /** Path prefix, e.g. `/__clerk` (no trailing slash). */
  prefix: string;
  allowedOrigins: ReadonlySet<string>;
  urls: FrontendApiUrls;
  singleSessionMode: boolean;
  rateLimiter: Pick<RateLimiter, "consume">;
  /** The caller's address, for per-IP limits (see `resolveRequestClient`); `unknown` if none. */
  clientIp: string;
  /** The app's Frontend API proxy URL when the request came through it (see `resolveRequestClient`). */
  proxyUrl: string | null;
  /** Social connections (none configured: an empty list). */
  oauth: OAuthConnections;
  /** The `redirect_uri` registered at the providers, when configured. */
  oauthCallbackUrl: string | null;
}

/** The Frontend API's configuration, resolved once at start-up. */
export interface FrontendApiSetup {
  prefix: string;
  /** Production cookies are always `Secure`; elsewhere when the browser's scheme was https. */
  alwaysSecure: boolean;
  options: FrontendApiOptions;
  /** The configuration a request sees, from its base URL and client address. */
  configFor(baseUrl: string, clientIp: string, proxyUrl?: string | null): FrontendApiConfig;
}

/**
 * Resolves the Frontend API's options: prefix, origins, mailer, rate limiter, the email-code key.
 *
 * @throws Error when the mailer cannot be built (production without a transport), or for a
 *   production instance without `allowedOrigins`
 * @example
 * const setup = setUpFrontendApi({ services, secretKey, options: { instanceType: "development" } });
 */
export function setUpFrontendApi(input: {
  services: RouteServices;
  secretKey: string;
  prefix?: string;
  options?: FrontendApiOptions;
  publicUrl?: string;
}): FrontendApiSetup {
  const options = input.options ?? {};
  const { services } = input;
  const prefix = (input.prefix ?? DEFAULT_FRONTEND_API_PREFIX).replace(/\/+$/, "");
  const development = (options.instanceType ?? "development") === "development";
  if (!development && (options.allowedOrigins ?? []).length === 0) {
    throw new Error(
      "A production Frontend API needs allowedOrigins: the origins of the apps that use it.",
    );
  }
  const configuredOrigins =
    options.allowedOrigins === undefined
      ? null
      : new Set(options.allowedOrigins.map((o) => originOf(o) ?? o));
  const publicOrigin = input.publicUrl === undefined ? null : originOf(input.publicUrl);
  const mailer =
    options.mailer ??
    createMailer({ store: services.store, developmentMode: development, logger: services.logger });
  const rateLimiter =
    options.rateLimiter ?? createRateLimiter({ store: services.store, clock: services.clock });
  const codeKey = createHash("sha256")
    .update(`latchkey:verification-codes:${input.secretKey}`, "utf8")
    .digest();

  const forBaseUrl = (baseUrl: string): Omit<FrontendApiConfig, "clientIp" | "proxyUrl"> => {
    const allowedOrigins =
      configuredOrigins ??
      new Set([publicOrigin ?? originOf(baseUrl) ?? baseUrl, "http://localhost:3000"]);
    const appOrigin = [...allowedOrigins][0] ?? baseUrl;
    return {
      prefix,
      allowedOrigins,
      development,
      applicationName: options.applicationName ?? "Latchkey",
      urls: {
        homeUrl: `${appOrigin}/`,
        signInUrl: `${appOrigin}/sign-in`,
        signUpUrl: `${appOrigin}/sign-up`,
        afterSignInUrl: `${appOrigin}/`,
        afterSignUpUrl: `${appOrigin}/`,
        afterSignOutUrl: `${appOrigin}/`,
        ...options.urls,
      },
      singleSessionMode: options.singleSessionMode ?? true,
      mailer,
      rateLimiter,
      codeLifetimeSeconds: options.codeLifetimeSeconds ?? 600,
      maxCodeAttempts: options.maxCodeAttempts ?? 5,
      codeKey,
      oauth: services.oauth,
      oauthCallbackUrl: options.oauth?.callbackUrl ?? null,
    };
  };
  // Resolved once per base URL (one, behind a configured public URL); a few kept at most, since
  // without one the base URL comes from the request.
  const resolved = new Map<string, Omit<FrontendApiConfig, "clientIp" | "proxyUrl">>();

  return {
    prefix,
    alwaysSecure: !development || (input.publicUrl?.startsWith("https:") ?? false),
    options,
    configFor(baseUrl, clientIp, proxyUrl = null) {
      let config = resolved.get(baseUrl);
      if (config === undefined) {
        config = forBaseUrl(baseUrl);
        if (resolved.size < 8) resolved.set(baseUrl, config);
      }
      return { ...config, clientIp, proxyUrl };
    },
  };
}
