import type { z } from "zod";
import type { Mailer } from "../../mail/create-mailer.js";
import type { RateLimiter } from "../../rate-limits/create-rate-limiter.js";
import type { FrontendApiUrls } from "../../wire/frontend-environment-json.js";
import type { HttpMethod, PathParams, RouteServices } from "../define-route.js";
import type { FrontendRequest } from "./frontend-request.js";

/** The Frontend API's resolved configuration, as routes see it. */
export interface FrontendApiConfig {
  /** Path prefix, e.g. `/__clerk` (no trailing slash). */
  prefix: string;
  allowedOrigins: ReadonlySet<string>;
  development: boolean;
  applicationName: string;
  urls: FrontendApiUrls;
  singleSessionMode: boolean;
  mailer: Pick<Mailer, "send">;
  rateLimiter: Pick<RateLimiter, "consume">;
  /** The caller's address, for per-IP limits (see `resolveRequestClient`); `unknown` if none. */
  clientIp: string;
  codeLifetimeSeconds: number;
  maxCodeAttempts: number;
  /** Key of the HMAC that email codes are stored under (derived from the secret key). */
  codeKey: Uint8Array;
}

/** What a Frontend API handler receives. */
export interface FrontendRouteContext<Path extends string, Query, Body> extends RouteServices {
  params: PathParams<Path>;
  query: Query;
  body: Body;
  request: Request;
  /** Public origin of the instance, without a trailing slash. */
  baseUrl: string;
  frontend: FrontendApiConfig;
  /** The requesting client (cookie or `Authorization`), its cookies and tokens. */
  auth: FrontendRequest;
}

/**
 * A Frontend API route. The path is relative to the prefix (`/v1/client/sign_ups/{sign_up_id}`).
 * Bodies are form-encoded or JSON, validated with `body`. The handler returns the `response`
 * payload (answered as `{ response, client }` with the requesting client), or a `Response`.
 */
export interface FrontendRouteDefinition<
  Path extends string = string,
  Query = unknown,
  Body = unknown,
> {
  method: HttpMethod;
  path: Path;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /**
   * Mutating routes that may be called without `Origin` and without a client token (only
   * `POST /v1/client`, which creates an empty client).
   */
  allowAnonymous?: boolean;
  handler(context: FrontendRouteContext<Path, Query, Body>): Promise<unknown>;
}

/** A Frontend API route with its types erased, as kept in the route list. */
export type AnyFrontendRoute = FrontendRouteDefinition<string, unknown, unknown>;

/**
 * Declares a Frontend API route; the identity function that types params, query and body.
 *
 * @example
 * export const getSignUpRoute = defineFrontendRoute({
 *   method: "GET",
 *   path: "/v1/client/sign_ups/{sign_up_id}",
 *   handler: async ({ params, auth }) => loadSignUp(auth, params.sign_up_id),
 * });
 */
export function defineFrontendRoute<const Path extends string, Query = undefined, Body = undefined>(
  definition: FrontendRouteDefinition<Path, Query, Body>,
): AnyFrontendRoute {
  return definition as unknown as AnyFrontendRoute;
}
