import { BackendError } from "./backend-error.js";

/**
 * The Backend API could not be reached, or its answer could not be read.
 *
 * Thrown when `fetch` rejects (DNS, TLS, connection reset, abort) or when a response body is not
 * the JSON the contract promises. The original failure is kept as `cause`. The message never
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
