import type { Mailer } from "../../mail/create-mailer.js";
import type { OAuthConnection } from "../../oauth/oauth-connection.js";
import type { RateLimiter } from "../../rate-limits/create-rate-limiter.js";
import type { FrontendApiUrls } from "../../wire/frontend-environment-json.js";

/** Options of the Frontend API (`frontendApi` in the handler's config). */
export interface FrontendApiOptions {
  /**
   * Origins allowed to call mutating Frontend API routes and to be used as `redirect_url`.
   * Default: the instance's public origin plus `http://localhost:3000`.
   */
  allowedOrigins?: readonly string[];
  /** `development` (default): `+clerk_test` addresses accept `424242` and get no mail. */
  instanceType?: "development" | "production";
  /** Application name in emails and `display_config` (default `Latchkey`). */
  applicationName?: string;
  /** App pages (default: `/sign-in`, `/sign-up`, `/` on the first allowed origin). */
  urls?: Partial<FrontendApiUrls>;
  /** One session per client (Clerk's default): signing in again requires signing out. */
  singleSessionMode?: boolean;
  /** Delivers verification codes; default: the dev mailbox in development (see `createMailer`). */
  mailer?: Pick<Mailer, "send">;
  /** Rate limits of the sign-in, sign-up and code routes; default: over the store. */
  rateLimiter?: Pick<RateLimiter, "consume">;
  /**
   * The caller's IP address, for rate limits, when you know better. Default: the address the
   * app's proxy signed with the secret key, else the peer's address, read through
   * `X-Forwarded-For` only when the peer is one of `trustedProxies` (else `unknown`).
   */
  clientIp?: (request: Request) => string;
  /**
   * Proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: addresses, CIDR
   * blocks (`10.0.0.0/8`), `loopback`, `private`. Default: none (the headers are ignored).
   */
  trustedProxies?: readonly string[];
  /** Lifetime of email codes in seconds (default 600). */
  codeLifetimeSeconds?: number;
  /** Wrong tries allowed per email code (default 5). */
  maxCodeAttempts?: number;
  /**
   * Social sign-in: the connections offered (`oauth_google`, `oauth_custom_<name>`…, in button
   * order). `callbackUrl` is the `redirect_uri` registered at the providers; default: the Frontend
   * API as the browser reaches it (the app's proxy URL, else `frontendApiUrl`, else the instance)
   * plus `/v1/oauth_callback`. `fetch` reaches the providers (tests).
   */
  oauth?: { connections: readonly OAuthConnection[]; callbackUrl?: string; fetch?: typeof fetch };
}

/** Default Frontend API path prefix: `/__clerk/v1/client`… */
export const DEFAULT_FRONTEND_API_PREFIX = "/__clerk";
