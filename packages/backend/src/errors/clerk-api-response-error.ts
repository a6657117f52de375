import { BackendError } from "./backend-error.js";

/**
 * Extra detail Clerk attaches to one error, with keys camelized (`param_name` → `paramName`).
 */
export interface ClerkAPIErrorMeta {
  /** The request parameter the error is about, for `form_*` codes. */
  paramName?: string;
  /** The session concerned, for session errors. */
  sessionId?: string;
  /** Email addresses concerned, for identifier errors. */
  emailAddresses?: string[];
  /** Identifiers concerned, for identifier errors. */
  identifiers?: string[];
  [key: string]: unknown;
}

/**
 * One entry of Clerk's error envelope, camelized.
 */
export interface ClerkAPIError {
  /** Machine-readable code, e.g. `resource_not_found` or `form_identifier_exists`. */
  code: string;
  /** Short message meant for people. */
  message: string;
  /** Longer message meant for people; empty when the server gave none. */
  longMessage: string;
  /** Extra detail; an empty object when the server gave none. */
  meta: ClerkAPIErrorMeta;
}

/** Fields a {@link ClerkAPIResponseError} is built from. */
export interface ClerkAPIResponseErrorInit {
  /** HTTP status of the response. */
  status: number;
  /** Parsed entries of the error envelope (empty when the body was not Clerk's envelope). */
  errors: ClerkAPIError[];
  /** `clerk_trace_id` of the envelope, when present. */
  clerkTraceId?: string | undefined;
  /** Seconds to wait, from the `Retry-After` header, when present. */
  retryAfter?: number | undefined;
}

/**
 * The Backend API answered with a non-2xx status.
 *
 * Mirrors the error `@clerk/backend` throws: `status`, `errors` (Clerk's envelope, camelized),
 * `clerkTraceId` and `retryAfter`. The message names the status and the error codes; it never
 * contains the secret key.
 *
 * @throws never; this is the thrown value. Its `code` is always `"api-response-error"`.
 * @example
 * ```ts
 * try {
 *   await clerkClient.users.getUser("user_missing");
 * } catch (err) {
 *   if (err instanceof ClerkAPIResponseError && err.status === 404) return null;
 *   throw err;
 * }
 * ```
 */
export class ClerkAPIResponseError extends BackendError<"api-response-error"> {
  /** Always `true`; lets code written for `@clerk/backend` recognise the error by shape. */
  readonly clerkError = true as const;
  /** HTTP status of the response. */
  readonly status: number;
  /** Entries of Clerk's error envelope, camelized. */
  readonly errors: ClerkAPIError[];
  /** Trace id to quote when reporting a problem, when the server sent one. */
  readonly clerkTraceId: string | undefined;
  /** Seconds the server asked to wait before retrying (`Retry-After`), when present. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: ClerkAPIResponseErrorInit) {
    super("api-response-error", message);
    this.status = init.status;
    this.errors = init.errors;
    this.clerkTraceId = init.clerkTraceId;
    this.retryAfter = init.retryAfter;
  }
}
