/** One error of Clerk's error envelope, as the Backend API answers it. */
export interface ConsoleApiError {
  code: string;
  message: string;
  long_message?: string;
  meta?: { param_name?: string };
}

/** What a Backend API call answered: its JSON, or its errors. */
export type ConsoleApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; errors: ConsoleApiError[] };

/** The Backend API as the console calls it: method, path (with query) and an optional JSON body. */
export type ConsoleApi = <T = unknown>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
) => Promise<ConsoleApiResult<T>>;

/**
 * A Backend API client that answers in process: requests carry the instance's secret key and go
 * through the instance's own app (routing, validation, flows, events), never over the network.
 *
 * @example
 * const api = createConsoleApi(callBackendApi, secretKey, "http://localhost:4100");
 * const result = await api("POST", "/v1/users/user_1/ban");
 */
export function createConsoleApi(
  callBackendApi: (request: Request) => Promise<Response>,
  secretKey: string,
  baseUrl: string,
): ConsoleApi {
  return async <T>(method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${secretKey}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await callBackendApi(
      new Request(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const text = await response.text();
    const json: unknown = text === "" ? null : JSON.parse(text);
    if (response.ok) return { ok: true, status: response.status, data: json as T };
    const errors = (json as { errors?: ConsoleApiError[] } | null)?.errors;
    return {
      ok: false,
      status: response.status,
      errors: Array.isArray(errors)
        ? errors
        : [{ code: "unexpected_answer", message: `HTTP ${response.status}` }],
    };
  };
}

/** The errors of a failed call as one sentence for a page. */
export function describeApiErrors(errors: readonly ConsoleApiError[]): string {
  return errors.map((error) => error.long_message ?? error.message).join(" ");
}
