import { ApiError } from "./api-error.js";

/** Errors of one request, answered together in the envelope (e.g. every invalid parameter). */
export class ApiErrorList extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors[0]?.message ?? "Request failed");
    this.name = "ApiErrorList";
  }
}

/**
 * The API errors a thrown value carries: the list's errors, the one {@link ApiError}, or null for
 * anything else (an unexpected failure, answered as `internal_clerk_error` and logged).
 *
 * @example
 * const errors = apiErrorsOf(error) ?? [new ApiError("internal_clerk_error")];
 */
export function apiErrorsOf(error: unknown): ApiError[] | null {
  if (error instanceof ApiErrorList) return error.errors;
  if (error instanceof ApiError) return [error];
  return null;
}
