/** What went wrong while creating an app; callers `switch` on it, the message is for people. */
export type CreateAppErrorCode =
  | "bad-arguments"
  | "target-not-empty"
  | "template-missing"
  | "packages-not-built"
  | "pack-failed"
  | "unknown-workspace-dependency"
  | "monorepo-trace";

/**
 * The one error type of `create-latchkey-app`.
 *
 * @example
 * try {
 *   await createApp({ directory: "my-app" });
 * } catch (error) {
 *   if (error instanceof CreateAppError && error.code === "target-not-empty") process.exit(2);
 *   throw error;
 * }
 */
export class CreateAppError extends Error {
  readonly code: CreateAppErrorCode;

  constructor(code: CreateAppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CreateAppError";
    this.code = code;
  }
}
