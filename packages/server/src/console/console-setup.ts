import type { RouteServices } from "../http/define-route.js";

/** What the console shows of the instance's configuration (read-only facts, no secrets). */
export interface ConsoleInstanceFacts {
  instanceType: "development" | "production";
  /** Where the Frontend API is, as the publishable key names it. */
  frontendApiUrl: string | null;
  publishableKey: string | null;
  /** Origins allowed to call the Frontend API from a browser. */
  allowedOrigins: readonly string[];
  /** How mail leaves the instance, e.g. `smtp (smtp.example.com:587)` or `development mailbox`. */
  mailTransport: string;
}

/** Options of the console, as `startInstance({ console })` takes them. */
export interface ConsoleOptions {
  /** Serve `/console` (default: on in development, off in production). */
  enabled?: boolean;
  /** Minutes without a request after which a console session ends (default 15). */
  idleMinutes?: number;
}

/** Everything {@link createConsole} needs. */
export interface ConsoleSetup {
  services: RouteServices;
  secretKey: string;
  /** Public origin of the instance; default: each request's origin. */
  publicUrl: string | undefined;
  /**
   * Answers a Backend API request in process (the instance's own app): every change the console
   * makes goes through the same routes, validation, flows and events as the API's.
   */
  callBackendApi: (request: Request) => Promise<Response>;
  facts: ConsoleInstanceFacts;
  idleMinutes: number;
  /** Largest form body accepted, in bytes (the instance's body limit). */
  maxBodyBytes: number;
}

/** Path the console is served under. */
export const CONSOLE_PATH = "/console";
