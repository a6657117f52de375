import { createHash } from "node:crypto";
import { ApiError } from "../../errors/api-error.js";
import { apiErrorsOf } from "../../errors/api-error-list.js";
import { randomBase62 } from "../../id-generator.js";
import { createMailer } from "../../mail/create-mailer.js";
import { createRateLimiter } from "../../rate-limits/create-rate-limiter.js";
import type { RouteServices } from "../define-route.js";
import type { ConnectionInfo } from "../fetch-handler.js";
import { refuseOversizedFields } from "../field-limits.js";
import { jsonResponse } from "../json-response.js";
import { parseInput } from "../parse-input.js";
import { searchParamsToObject } from "../query-params.js";
import { refuseUnstorablePathParams, refuseUnstorableText } from "../unstorable-text-path.js";
import { hashClientToken, looksLikeClientToken } from "./client-token.js";
import type { AnyFrontendRoute, FrontendApiConfig } from "./define-frontend-route.js";
import { DEFAULT_FRONTEND_API_PREFIX, type FrontendApiOptions } from "./frontend-api-options.js";
import { CLIENT_COOKIE, readCookie } from "./frontend-cookies.js";
import { frontendErrorResponse } from "./frontend-error-response.js";
import { type ClientCredentialSource, FrontendRequest } from "./frontend-request.js";
import { loadFrontendClient } from "./load-frontend-client.js";
import { readFrontendBody } from "./read-frontend-body.js";
import { checkRequestOrigin, originOf } from "./request-origin.js";
import { resolveRequestClient } from "./resolve-request-client.js";
import { createTrustedProxies } from "./trusted-proxies.js";

/** Input of {@link createFrontendApi}. */
export interface CreateFrontendApiInput {
  routes: readonly AnyFrontendRoute[];
  /** Path prefix (default `/__clerk`). */
  prefix?: string;
  options?: FrontendApiOptions;
  services: RouteServices;
  /** The instance's secret key: email codes are stored under an HMAC keyed from it. */
  secretKey: string;
  /** Public origin of the instance, when configured. */
  publicUrl?: string;
}

/** The Frontend API's request handler, mounted under its prefix by `createHandler`. */
export interface FrontendApi {
  prefix: string;
  /** Answers a request whose path starts with the prefix; `connection` as the server saw it. */
  handle(request: Request, baseUrl: string, connection?: ConnectionInfo): Promise<Response>;
}

interface CompiledRoute {
  route: AnyFrontendRoute;
  pattern: RegExp;
  names: string[];
}

const OVERRIDABLE: ReadonlySet<string> = new Set(["PATCH", "PUT", "DELETE"]);

function compile(route: AnyFrontendRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split(/(\{[A-Za-z0-9_]+\})/)
    .map((part) => {
      const name = /^\{([A-Za-z0-9_]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

/** `decodeURIComponent`, or null for a malformed percent-escape. */
function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The client token a request presents: `Authorization` (native, server callers) or `__client`. */
function presentedToken(
  request: Request,
): { token: string; source: ClientCredentialSource } | null {
  // Native apps send `Authorization` (empty before they have a client) and get tokens back in it.
  const header = request.headers.get("authorization");
  if (header !== null) return { token: header.trim().replace(/^Bearer\s+/i, ""), source: "header" };
  const cookie = readCookie(request.headers.get("cookie"), CLIENT_COOKIE);
  if (cookie) return { token: cookie, source: "cookie" };
  return null;
}

/**
 * Builds the Frontend API: route matching under the prefix (with `POST …?_method=PATCH|PUT|DELETE`
 * routed as that method), client lookup by token digest, the CSRF check, form/JSON bodies, and
 * Clerk's answers — `{ response, client }`, or `{ errors, meta: { client }, clerk_trace_id }`.
 *
 * @throws Error at startup when the mailer cannot be built (production without a transport), or
 *   for a production instance without `allowedOrigins`
 * @example
 * const frontendApi = createFrontendApi({ routes: frontendApiRoutes, services, secretKey });
 * const response = await frontendApi.handle(request, "http://localhost:4100");
 */
export function createFrontendApi(input: CreateFrontendApiInput): FrontendApi {
  const options = input.options ?? {};
  const prefix = (input.prefix ?? DEFAULT_FRONTEND_API_PREFIX).replace(/\/+$/, "");
  const services = input.services;
  const development = (options.instanceType ?? "development") === "development";
  const compiled = input.routes.map(compile);
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
  const trustedProxy = createTrustedProxies(options.trustedProxies ?? []);
  // Production cookies are always Secure; elsewhere, when the browser's scheme was https.
  const alwaysSecure = !development || (input.publicUrl?.startsWith("https:") ?? false);
  const codeKey = createHash("sha256")
    .update(`latchkey:verification-codes:${input.secretKey}`, "utf8")
    .digest();

  const configFor = (baseUrl: string, clientIp: string): FrontendApiConfig => {
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
      clientIp,
      codeLifetimeSeconds: options.codeLifetimeSeconds ?? 600,
      maxCodeAttempts: options.maxCodeAttempts ?? 5,
      codeKey,
    };
  };

  const match = (method: string, path: string) => {
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const found = candidate.pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      for (const [i, name] of candidate.names.entries()) {
        const value = decodePathSegment(found[i + 1] ?? "");
        // A malformed escape (`%`, `%E0%A4%A`) names no resource.
        if (value === null) return null;
        params[name] = value;
      }
      return { route: candidate.route, params };
    }
    return null;
  };

  /** The requesting client as it stands after the route ran (null when it has none). */
  const currentClientJson = async (auth: FrontendRequest, baseUrl: string) => {
    const current = await auth.reloadClient();
    if (current === null) return null;
    const { store, clock, settings } = services;
    return loadFrontendClient(
      { store, baseUrl, now: clock.now(), settings },
      current,
      auth.mintedTokens,
    );
  };

  return {
    prefix,
    async handle(request, baseUrl, connection) {
      const traceId = randomBase62(16);
      const caller = resolveRequestClient(request, connection, {
        secretKey: input.secretKey,
        trustedProxy,
        nowMs: services.clock.now(),
      });
      const frontend = configFor(baseUrl, options.clientIp?.(request) ?? caller.address);
      const url = new URL(request.url);
      const path = url.pathname.slice(prefix.length) || "/";
      const override = url.searchParams.get("_method")?.toUpperCase();
      const method =
        request.method === "POST" && override !== undefined && OVERRIDABLE.has(override)
          ? override
          : request.method;
      let auth: FrontendRequest | null = null;
      try {
        const found = match(method, path);
        if (found === null) throw new ApiError("resource_not_found");
        const presented = presentedToken(request);
        const client =
          presented !== null && looksLikeClientToken(presented.token)
            ? await services.store.getClientByTokenHash(hashClientToken(presented.token))
            : null;
        auth = new FrontendRequest(
          { ...services, baseUrl, request },
          client,
          presented?.source ?? null,
          alwaysSecure || caller.secure,
        );
        checkRequestOrigin(request, method, {
          allowedOrigins: frontend.allowedOrigins,
          hasClientCredential: client !== null,
          allowAnonymous: found.route.allowAnonymous ?? false,
        });
        refuseUnstorablePathParams(found.params);
        const query = found.route.query
          ? parseInput(
              found.route.query,
              refuseOversizedFields(refuseUnstorableText(searchParamsToObject(url.searchParams))),
            )
          : undefined;
        const body = found.route.body
          ? parseInput(
              found.route.body,
              refuseOversizedFields(refuseUnstorableText(await readFrontendBody(request))),
            )
          : undefined;
        const result = await found.route.handler({
          ...services,
          params: found.params,
          query,
          body,
          request,
          baseUrl,
          frontend,
          auth,
        });
        if (result instanceof Response) return auth.apply(result);
        const clientJson = await currentClientJson(auth, baseUrl);
        return auth.apply(jsonResponse({ response: result, client: clientJson }));
      } catch (error) {
        const errors = apiErrorsOf(error);
        if (errors === null) {
          services.logger.error("unhandled error", {
            traceId,
            method,
            path: url.pathname,
            error: error instanceof Error ? error.name : typeof error,
            detail: error instanceof Error ? error.message : undefined,
          });
        }
        const list = errors ?? [new ApiError("internal_clerk_error")];
        let clientJson: unknown = null;
        if (auth?.client != null && errors !== null) {
          clientJson = await currentClientJson(auth, baseUrl).catch(() => null);
        }
        const response = frontendErrorResponse(list, traceId, clientJson);
        return auth === null ? response : auth.apply(response);
      }
    },
  };
}
