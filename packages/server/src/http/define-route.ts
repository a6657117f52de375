import type { z } from "zod";
import type { Clock } from "../clock.js";
import type { IdGenerator } from "../id-generator.js";
import type { InstanceSettings } from "../instance-settings.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { SigningKeyRing } from "../tokens/signing-key-ring.js";

/** HTTP methods routes are declared with. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type ParamNames<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

/** Path parameters of a path template: `"/v1/users/{user_id}"` → `{ user_id: string }`. */
export type PathParams<Path extends string> = { [Name in ParamNames<Path>]: string };

export type { InstanceSettings };

/** What every route handler receives besides its parsed input. */
export interface RouteServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  settings: InstanceSettings;
  /** The instance's signing keys (session tokens, JWKS). */
  signingKeys: SigningKeyRing;
}

export interface RouteContext<Path extends string, Query, Body> extends RouteServices {
  params: PathParams<Path>;
  query: Query;
  body: Body;
  request: Request;
  /** Public origin of the instance (`publicUrl`, or the request's origin), without a trailing slash. */
  baseUrl: string;
}

/**
 * A route: method, spec-style path template (`/v1/users/{user_id}`), who may call it, zod schemas
 * for its input and a handler returning plain data (serialised as JSON with status 200) or a
 * `Response` (for bytes and other statuses).
 */
export interface RouteDefinition<Path extends string = string, Query = unknown, Body = unknown> {
  method: HttpMethod;
  path: Path;
  /** `secret_key`: `Authorization: Bearer sk_…` required. `public`: anyone. */
  auth: "secret_key" | "public";
  query?: z.ZodType<Query>;
  /** JSON body schema. Routes without one get `undefined` and may read `request` themselves. */
  body?: z.ZodType<Body>;
  /** The body is an upload (multipart file): capped at the instance's upload limit, not its body limit. */
  upload?: true;
  handler(context: RouteContext<Path, Query, Body>): Promise<unknown>;
}

/** A route with its types erased, as kept in the route list. */
export type AnyRoute = RouteDefinition<string, unknown, unknown>;

/**
 * Declares a route; the identity function that gives the handler typed params, query and body.
 *
 * @example
 * export const getUser = defineRoute({
 *   method: "GET",
 *   path: "/v1/users/{user_id}",
 *   auth: "secret_key",
 *   handler: async ({ params, store }) => store.getUser(params.user_id),
 * });
 */
export function defineRoute<const Path extends string, Query = undefined, Body = undefined>(
  definition: RouteDefinition<Path, Query, Body>,
): AnyRoute {
  return definition as unknown as AnyRoute;
}
