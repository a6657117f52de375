import type { FormParams, HttpMethod } from "../frontend-api-client.js";

/** `getToken()` options of the client hooks (Clerk's shape). */
export interface GetTokenOptions {
  /** A JWT template's name: the token is minted from that template. */
  template?: string;
  /** Make this organization active first (id or slug; empty string = personal account). */
  organizationId?: string;
  /** Ignore the cached token and ask the instance for a fresh one. */
  skipCache?: boolean;
}

/** What resources need from the provider's core: Frontend API calls that keep the state current. */
export interface ResourceHost {
  /** Calls the Frontend API, applies the answer's `client` to the state and returns `response`. */
  call<T>(method: HttpMethod, path: string, params?: FormParams): Promise<T>;
  /** A session token (or template token) for a session of this client. */
  getToken(sessionId: string, options?: GetTokenOptions): Promise<string | null>;
  /** Fetches `GET /v1/client` again and applies it. */
  reloadClient(): Promise<void>;
  /** Sends the whole window to another site (a social provider's sign-in page). */
  windowNavigate(url: string): void;
}

/**
 * Turns camelCase parameters into the Frontend API's snake_case form values; objects are sent as
 * JSON, `undefined` values are left out.
 *
 * @example
 * snakeParams({ emailAddress: "a@b.co", unsafeMetadata: { plan: "pro" } });
 * // { email_address: "a@b.co", unsafe_metadata: '{"plan":"pro"}' }
 */
export function snakeParams(params: object): FormParams {
  const out: FormParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[snake] =
      value !== null && typeof value === "object"
        ? JSON.stringify(value)
        : (value as FormParams[string]);
  }
  return out;
}

/** Epoch milliseconds to a `Date` (null stays null). */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === "number" ? new Date(ms) : null;
}
