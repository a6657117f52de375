/** Why `@latchkey/nextjs` refused to go on. Codes are the contract; messages may change. */
export type LatchkeyNextjsErrorCode =
  /** A required setting (environment variable or option) is not set. */
  | "config-missing"
  /** A setting is set but malformed (a secret key without `sk_`, an undecodable publishable key…). */
  | "config-invalid"
  /** A `createRouteMatcher` pattern cannot be compiled. */
  | "route-pattern-invalid"
  /**
   * `getAuth(req)` was read without `await` where it could not decide synchronously (no
   * middleware verdict to check, or an edge runtime): `await getAuth(req)` instead.
   */
  | "auth-not-ready";

/**
 * The error `@latchkey/nextjs` throws on purpose. Configuration errors name the environment
 * variable to set (`variable`), never its value.
 *
 * @example
 * ```ts
 * try {
 *   await auth();
 * } catch (err) {
 *   if (err instanceof LatchkeyNextjsError && err.code === "config-missing") {
 *     console.error(`Set ${err.variable}`);
 *   }
 * }
 * ```
 */
export class LatchkeyNextjsError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: LatchkeyNextjsErrorCode;
  /** The environment variable at fault, for configuration errors. */
  readonly variable: string | undefined;

  constructor(
    code: LatchkeyNextjsErrorCode,
    message: string,
    options: { cause?: unknown; variable?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LatchkeyNextjsError";
    this.code = code;
    this.variable = options.variable;
  }
}
