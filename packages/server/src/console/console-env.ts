import type { ConnectionInfo } from "../http/fetch-handler.js";
import type { ConsoleSessionRecord } from "../store/console-store.js";
import type { ConsoleApi } from "./console-api.js";
import type { ConsoleSetup } from "./console-setup.js";

/** The console's Hono environment: what its middleware hands on to its pages. */
export interface ConsoleEnv {
  Bindings: { connection: ConnectionInfo | undefined };
  Variables: {
    setup: ConsoleSetup;
    /** The signed-in console session (set on every page but sign-in and assets). */
    session: ConsoleSessionRecord;
    /** The CSRF token every form of this session carries. */
    csrfToken: string;
    /** The Backend API, called in process with the instance's secret key. */
    api: ConsoleApi;
    /** The requester's address, for the audit log. */
    address: string | null;
  };
}
