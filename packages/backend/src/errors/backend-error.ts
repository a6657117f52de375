/**
 * Base class of every error that `@latchkey/backend` throws on purpose.
 *
 * Callers branch on `code` (a literal union per subclass); messages are for people and may change.
 * Messages never contain tokens, secrets or codes.
 *
 * @example
 * ```ts
 * try {
 *   await verifyToken(token, { jwtKey });
 * } catch (err) {
 *   if (err instanceof BackendError && err.code === "token-expired") renew();
 * }
 * ```
 */
export class BackendError<Code extends string = string> extends Error {
  /** Stable, machine-readable reason. The contract callers switch on. */
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
