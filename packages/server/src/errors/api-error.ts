import { type ApiErrorCode, ERROR_TABLE } from "./error-table.js";

/** Options for {@link ApiError}. */
export interface ApiErrorOptions {
  /** Request parameter the error is about (`meta.param_name` on the wire). */
  paramName?: string;
  /** Overrides the table's default `message`. Never put secrets here. */
  message?: string;
  /** Overrides the table's default `long_message`. Never put secrets here. */
  longMessage?: string;
  /** Extra `meta` fields answered to the client. */
  meta?: Record<string, unknown>;
  /** The underlying error, kept for logs. */
  cause?: unknown;
}

/**
 * The one operational error of the server. Its `code` selects the HTTP status and default
 * messages from the error table; it is answered in Clerk's error envelope.
 *
 * @example
 * throw new ApiError("resource_not_found");
 * throw new ApiError("form_param_format_invalid", { paramName: "email_address" });
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly paramName: string | undefined;
  readonly longMessage: string;
  readonly meta: Record<string, unknown> | undefined;

  constructor(code: ApiErrorCode, options: ApiErrorOptions = {}) {
    const entry = ERROR_TABLE[code];
    super(options.message ?? entry.message, { cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.status = entry.status;
    this.paramName = options.paramName;
    this.longMessage = options.longMessage ?? entry.longMessage;
    this.meta = options.meta;
  }
}

/** True when `value` is an {@link ApiError}, optionally with the given code. */
export function isApiError(value: unknown, code?: ApiErrorCode): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}
