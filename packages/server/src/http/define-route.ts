import type { z } from "zod";
import type { Clock } from "../clock.js";
import type { OAuthConnections } from "../flows/oauth/oauth-connections.js";
import type { IdGenerator } from "../id-generator.js";
import type { InstanceSettings } from "../instance-settings.js";
import type { Logger } from "../logger.js";
import type { RateLimitClass } from "../rate-limits/rate-limit-classes.js";
import type { Store } from "../store/store.js";
import type { SigningKeyRing } from "../tokens/signing-key-ring.js";
import type { FrontendApiConfig } from "./frontend-api/frontend-api-config.js";
import type { FrontendRequest } from "./frontend-api/frontend-request.js";

/** HTTP methods routes are declared with. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** Path parameters of a path template: `"/v1/users/{user_id}"` → `{ user_id: string }`. */
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

export type { InstanceSettings };

/**
 * Who may call a route. `secret_key`: a Backend API route, `Authorization: Bearer sk_…` required.
 * `public`: anyone. `client`: a Frontend API route, served under the Frontend API's prefix: the
 * requesting client (cookie or client token) is loaded, mutating requests pass the origin check,
 * and plain answers are sent as `{ response, client }`.
 */
export type RouteAuth = "secret_key" | "public" | "client";

/** What every route handler receives besides its parsed input. */
export interface RouteServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  settings: InstanceSettings;
  /** The instance's signing keys (session tokens, JWKS). */
  signingKeys: SigningKeyRing;
  /** Social connections (`oauth_google`…), their clients and the provider-token cipher. */
  oauth: OAuthConnections;
}

/** What a handler receives: the services, its parsed input and the request. */
export interface RouteContext<Path extends string, Query, Body> extends RouteServices {
  params: PathParams<Path>;
  query: Query;
  body: Body;
  request: Request;
  /** Public origin of the instance (`publicUrl`, or the request's origin), without a trailing slash. */
  baseUrl: string;
  /**
   * Base of the profile image URLs this caller can load: `baseUrl`, or the app's Frontend API
   * proxy URL when the request came through Clerk's proxy (images are served under it too).
   */
  imageBaseUrl: string;
}

/** What a `client` (Frontend API) handler receives besides a {@link RouteContext}. */
export interface ClientRouteContext<Path extends string, Query, Body>
  extends RouteContext<Path, Query, Body> {
  frontend: FrontendApiConfig;
  /** The requesting client (cookie or `Authorization`), its cookies and tokens. */
  auth: FrontendRequest;
}

/** The handler context of a route, by who may call it. */
export type ContextOf<
  Auth extends RouteAuth,
  Path extends string,
  Query,
  Body,
> = Auth extends "client" ? ClientRouteContext<Path, Query, Body> : RouteContext<Path, Query, Body>;

/**
 * A rate limit a `client` route is counted against, after its input is read and before its
 * handler runs: the class's per-IP rule (the caller's address), then its per-identifier rule.
 * An exhausted rule refuses the request with `too_many_requests` (429, `Retry-After`).
 */
export interface RouteRateLimit<Context> {
  class: RateLimitClass;
  /**
   * The identifier the request is counted under (an email address, username or user id; trimmed,
   * compared case-insensitively). `null`: none yet, only the per-IP rule counts. `false`: this
   * request is not of the class (a sign-in that sends no code), nothing counts. It may load what
   * it needs and throw the route's own errors: a request refused there is not counted.
   */
  identifier(context: Context): string | null | false | Promise<string | null | false>;
}

/**
 * A route of either API: method, spec-style path template (`/v1/users/{user_id}`; a Frontend API
 * path is relative to its prefix), who may call it, zod schemas for its input and a handler
 * returning plain data (serialised as JSON with status 200; in the Frontend API as the `response`
 * of `{ response, client }`) or a `Response` (for bytes, bare JSON and other statuses).
 */
export interface RouteDefinition<
  Path extends string = string,
  Query = unknown,
  Body = unknown,
  Auth extends RouteAuth = RouteAuth,
  Loaded = unknown,
> {
  method: HttpMethod;
  path: Path;
  auth: Auth;
  query?: z.ZodType<Query>;
  /**
   * Body schema: a JSON object (Backend API), or a form or JSON object (Frontend API). Routes
   * without one get `undefined` and may read `request` themselves.
   */
  body?: z.ZodType<Body>;
  /** The body is an upload (multipart file): capped at the instance's upload limit, not its body limit. */
  upload?: true;
  /**
   * `client` routes: a mutating request may come without `Origin` and without a client token
   * (only `POST /v1/client`, which creates an empty client).
   */
  allowAnonymous?: true;
  /**
   * Loads, once, what the rate limits and the handler both need (the sign-in the path names and
   * its user…), after the input is read and before anything is counted; both get it as `loaded`.
   * It throws the route's own errors, and a request refused there is not counted.
   */
  load?(context: ContextOf<Auth, Path, Query, Body>): Promise<Loaded>;
  /** `client` routes: the rate limits a request is counted against, in order, before the handler. */
  rateLimits?: readonly RouteRateLimit<ContextOf<Auth, Path, Query, Body> & { loaded: Loaded }>[];
  handler(context: ContextOf<Auth, Path, Query, Body> & { loaded: Loaded }): Promise<unknown>;
}

/** A route with its types erased, as kept in the route lists. */
export type AnyRoute = RouteDefinition<string, unknown, unknown, RouteAuth, unknown>;

/**
 * Declares a route of either API; the identity function that gives the handler typed params,
 * query, body and (for `client` routes) the requesting client.
 *
 * @example
 * export const getUser = defineRoute({
 *   method: "GET",
 *   path: "/v1/users/{user_id}",
 *   auth: "secret_key",
 *   handler: async ({ params, store }) => store.getUser(params.user_id),
 * });
 */
export function defineRoute<
  const Path extends string,
  Query = undefined,
  Body = undefined,
  const Auth extends RouteAuth = RouteAuth,
  Loaded = undefined,
>(definition: RouteDefinition<Path, Query, Body, Auth, Loaded>): AnyRoute {
  return definition as unknown as AnyRoute;
}
