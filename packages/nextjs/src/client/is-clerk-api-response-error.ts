import { ClerkAPIResponseError } from "@latchkey/backend";

/**
 * Clerk's `isClerkAPIResponseError()`: whether a thrown value is the instance's error answer
 * (`err.errors[0].code`, `.longMessage`, `.meta.paramName`).
 *
 * @example
 * ```ts
 * try {
 *   await signIn.create({ identifier, password });
 * } catch (err) {
 *   if (isClerkAPIResponseError(err)) setError(err.errors[0]?.longMessage ?? "");
 * }
 * ```
 */
export function isClerkAPIResponseError(error: unknown): error is ClerkAPIResponseError {
  return error instanceof ClerkAPIResponseError;
}
