import type { AnyRoute } from "./define-route.js";
import type { ConnectionInfo } from "./fetch-handler.js";
import type { FrontendApiConfig } from "./frontend-api/frontend-api-config.js";
import type { FrontendRequest } from "./frontend-api/frontend-request.js";

/**
 * The Hono environment of the instance's app: what middleware hands on to routes. Read with
 * `c.get(name)`: `c.var` copies every variable into a new object on each access.
 */
export interface AppEnv {
  Bindings: {
    /** What the HTTP server saw of the connection (none in process). */
    connection: ConnectionInfo | undefined;
  };
  Variables: {
    /** The route the request matched (set first; undefined when none did). */
    route: AnyRoute | undefined;
    /** Public origin of the instance (`publicUrl`, or the request's origin), no trailing slash. */
    baseUrl: string;
    /** Where the caller reads profile images, when not at `baseUrl` (Clerk's proxy URL). */
    imageBaseUrl: string | undefined;
    /** Frontend API requests: the configuration as this request sees it (client address included). */
    frontend: FrontendApiConfig | undefined;
    /** Frontend API requests: the client scheme was https (cookies are then `Secure`). */
    secure: boolean | undefined;
    /** Frontend API requests: the requesting client and what the answer carries back. */
    auth: FrontendRequest | undefined;
  };
}
