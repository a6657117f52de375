/** Why a client hook or resource refused to go on. Codes are the contract; messages may change. */
export type LatchkeyClientErrorCode =
  /** A hook or component was used outside `<ClerkProvider>`. */
  | "provider-missing"
  /** The action needs a signed-in session and there is none. */
  | "signed-out"
  /** The action needs the client to be loaded from the instance first. */
  | "not-loaded"
  /** The instance started a social sign-in without saying where the provider's page is. */
  | "external-redirect-missing"
  /** The callback page found nothing it can finish (no attempt, or one it cannot continue). */
  | "redirect-callback-incomplete";

/**
 * The error the client hooks and resources throw on purpose (the instance's own errors arrive as
 * `ClerkAPIResponseError`, see `isClerkAPIResponseError`).
 *
 * @example
 * ```ts
 * try {
 *   await user.reload();
 * } catch (err) {
 *   if (err instanceof LatchkeyClientError && err.code === "signed-out") router.push("/sign-in");
 * }
 * ```
 */
export class LatchkeyClientError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: LatchkeyClientErrorCode;

  constructor(code: LatchkeyClientErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LatchkeyClientError";
    this.code = code;
  }
}
