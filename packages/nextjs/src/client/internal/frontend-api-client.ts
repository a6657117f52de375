import { type ClerkAPIError, ClerkAPIResponseError, ClerkNetworkError } from "@latchkey/backend";
import type { ClientJson } from "./resources/fapi-json.js";

/** Form values of a Frontend API request; `undefined` and `null` values are left out. */
export type FormParams = Record<string, string | number | boolean | null | undefined>;

/** A Frontend API answer: `{ response, client }` (client is null when the request had none). */
export interface FrontendApiAnswer<T> {
  response: T;
  client: ClientJson | null;
}

/** Options of {@link createFrontendApiClient}. */
export interface FrontendApiClientOptions {
  /** Where the Frontend API is reached: the app's `/__clerk` proxy (default) or an absolute URL. */
  baseUrl?: string;
  /** `fetch` to use (tests send to an in-process instance). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Calls to the instance's Frontend API, as the browser makes them. */
export interface FrontendApiClient {
  /**
   * Sends a request: GET with query parameters, anything else as a form-encoded POST (PATCH and
   * DELETE as `POST ?_method=…`), and unwraps `{ response, client }`.
   */
  request<T>(
    method: HttpMethod,
    path: string,
    params?: FormParams,
    query?: FormParams,
  ): Promise<FrontendApiAnswer<T>>;
  /** Like {@link FrontendApiClient.request} for answers without the envelope (tokens). */
  requestBare<T>(method: HttpMethod, path: string, params?: FormParams): Promise<T>;
}

/** Methods the Frontend API takes. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** The error envelope's `meta.client`, which the caller may apply to its state. */
export class FrontendApiResponseError extends ClerkAPIResponseError {
  /** The client as the failed request left it, when the instance sent it. */
  readonly client: ClientJson | null;

  constructor(
    message: string,
    init: ConstructorParameters<typeof ClerkAPIResponseError>[1] & {
      client: ClientJson | null;
    },
  ) {
    super(message, init);
    this.client = init.client;
  }
}

function toSearchParams(params: FormParams | undefined): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null) continue;
    search.append(key, String(value));
  }
  return search;
}

function camelizeMeta(meta: unknown): ClerkAPIError["meta"] {
  if (meta === null || typeof meta !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return out;
}

function parseErrors(body: unknown): {
  errors: ClerkAPIError[];
  traceId?: string;
  client: ClientJson | null;
} {
  if (body === null || typeof body !== "object") return { errors: [], client: null };
  const envelope = body as {
    errors?: unknown;
    clerk_trace_id?: unknown;
    meta?: { client?: ClientJson | null };
  };
  const list = Array.isArray(envelope.errors) ? envelope.errors : [];
  const errors = list.map((entry): ClerkAPIError => {
    const e = (entry ?? {}) as Record<string, unknown>;
    return {
      code: typeof e.code === "string" ? e.code : "unexpected_error",
      message: typeof e.message === "string" ? e.message : "",
      longMessage: typeof e.long_message === "string" ? e.long_message : "",
      meta: camelizeMeta(e.meta),
    };
  });
  return {
    errors,
    ...(typeof envelope.clerk_trace_id === "string" ? { traceId: envelope.clerk_trace_id } : {}),
    client: envelope.meta?.client ?? null,
  };
}

/**
 * Builds the Frontend API client the provider uses. Requests carry the browser's cookies
 * (`credentials: "include"`), so `__client` identifies the client and the instance's `Set-Cookie`
 * answers (through the app's `/__clerk` proxy) land first-party.
 *
 * @throws {FrontendApiResponseError} (code `api-response-error`) when the instance answers non-2xx,
 *   with Clerk's `errors` camelized; {ClerkNetworkError} (`network-error`) when it cannot be reached.
 * @example
 * ```ts
 * const fapi = createFrontendApiClient({ baseUrl: "/__clerk" });
 * const { response: signIn } = await fapi.request("POST", "/v1/client/sign_ins", { identifier });
 * ```
 */
export function createFrontendApiClient(options: FrontendApiClientOptions = {}): FrontendApiClient {
  const baseUrl = (options.baseUrl ?? "/__clerk").replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(
    method: HttpMethod,
    path: string,
    params?: FormParams,
    query?: FormParams,
  ): Promise<unknown> {
    const search = toSearchParams(query);
    let body: string | undefined;
    if (method === "GET") {
      for (const [k, v] of toSearchParams(params)) search.append(k, v);
    } else {
      if (method !== "POST") search.set("_method", method);
      body = toSearchParams(params).toString();
    }
    const queryString = search.toString();
    const url = `${baseUrl}${path}${queryString === "" ? "" : `?${queryString}`}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: method === "GET" ? "GET" : "POST",
        credentials: "include",
        headers: {
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" }),
        },
        ...(body === undefined ? {} : { body }),
      });
      text = await response.text();
    } catch (cause) {
      throw new ClerkNetworkError(`The Frontend API could not be reached (${method} ${path}).`, {
        cause,
      });
    }
    let parsed: unknown = null;
    if (text !== "") {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!response.ok) {
      const { errors, traceId, client } = parseErrors(parsed);
      const retry = Number(response.headers.get("retry-after"));
      const codes = errors.map((e) => e.code).join(", ") || "no error code";
      throw new FrontendApiResponseError(
        `Frontend API ${method} ${path} answered ${response.status} (${codes}).`,
        {
          status: response.status,
          errors,
          clerkTraceId: traceId,
          retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
          client,
        },
      );
    }
    return parsed;
  }

  return {
    async request<T>(method: HttpMethod, path: string, params?: FormParams, query?: FormParams) {
      const body = (await send(method, path, params, query)) as {
        response?: T;
        client?: ClientJson | null;
      } | null;
      return { response: body?.response as T, client: body?.client ?? null };
    },
    async requestBare<T>(method: HttpMethod, path: string, params?: FormParams) {
      return (await send(method, path, params)) as T;
    },
  };
}
