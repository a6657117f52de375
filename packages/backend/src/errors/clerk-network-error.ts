import { BackendError } from "./backend-error.js";

/**
 * The Backend API could not be reached, or its answer was cut off.
 *
 * Thrown when `fetch` rejects (DNS, TLS, connection reset, abort) or the response body cannot be
 * read to its end. A complete answer of the wrong shape is a `BackendError` with code
 * `api-response-invalid` instead. The original failure is kept as `cause`. The message never
 * contains the secret key.
 *
 * @throws never; this is the thrown value. Its `code` is always `"network-error"`.
 * @example
 * ```ts
 * try {
 *   await clerkClient.users.getUser(userId);
 * } catch (err) {
 *   if (err instanceof ClerkNetworkError) console.warn("BAPI unreachable", err.cause);
 * }
 * ```
 */
export class ClerkNetworkError extends BackendError<"network-error"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("network-error", message, options);
  }
}
