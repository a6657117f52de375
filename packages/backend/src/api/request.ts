import type { z } from "zod";
import { BackendError } from "../errors/backend-error.js";
import { ClerkNetworkError } from "../errors/clerk-network-error.js";
import { camelizeKeys } from "./internal/camelize-keys.js";
import { PACKAGE_VERSION } from "./internal/package-version.js";
import { readApiError } from "./internal/read-api-error.js";
import { redactSecret } from "./internal/redact-secret.js";
import { isRetryableStatus, retryDelayMs } from "./internal/retry-policy.js";
import { snakeCaseKeys, toSnakeKey } from "./internal/snake-case-keys.js";

/** Default Backend API origin. */
export const DEFAULT_API_URL = "https://api.clerk.com";
/** Default Backend API path version. */
export const DEFAULT_API_VERSION = "v1";
/** Value of the `Clerk-API-Version` header this client is written against. */
export const CLERK_API_VERSION_HEADER_VALUE = "2026-05-12";

/** HTTP methods the Backend API uses. Only `GET` is retried. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One query value. Arrays become repeated keys. Like Clerk's SDK, falsy values (`undefined`,
 * `null`, `false`, `0`, `""`) are left out so the server applies its defaults.
 */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** Settings shared by every request of one client. */
export interface BackendApiRequestConfig {
  /** `sk_…` key sent as `Authorization: Bearer`. Checked at call time, not at construction. */
  secretKey?: string | undefined;
  /** Backend API origin; defaults to `https://api.clerk.com`. */
  apiUrl?: string | undefined;
  /** Path version; defaults to `v1`. */
  apiVersion?: string | undefined;
  /** `fetch` to use; defaults to the global one, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** @internal Waits between retries; tests pass a fake. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** @internal Source of jitter in [0, 1); tests pass a constant. */
  random?: (() => number) | undefined;
  /** @internal Clock in epoch ms, for `Retry-After` dates. */
  now?: (() => number) | undefined;
}

/** One Backend API call, described with camelCase params. */
export interface BackendApiRequestOptions<T> {
  method: HttpMethod;
  /** Path below `/v1`, starting with `/`, ids already encoded (see `apiPath`). */
  path: string;
  /** Query params with camelCase keys; sent snake_cased. */
  query?: Record<string, QueryValue> | undefined;
  /** JSON body with camelCase top-level keys; sent snake_cased, values verbatim. */
  body?: object | undefined;
  /** Multipart body, sent as is (the runtime sets the boundary). */
  formData?: FormData | undefined;
  /** Shape of the camelized success body; decides the result type. */
  schema: z.ZodType<T>;
}

/** Sends one Backend API call and returns its checked, camelized result. */
export type BackendApiRequest = <T>(options: BackendApiRequestOptions<T>) => Promise<T>;

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

function buildUrl(
  apiUrl: string,
  apiVersion: string,
  path: string,
  query: Record<string, QueryValue> | undefined,
): string {
  const url = new URL(`${apiUrl.replace(/\/+$/, "")}/${apiVersion}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (!value) continue;
    const name = toSnakeKey(key);
    const values: readonly (string | number | boolean)[] =
      typeof value === "object" ? value : [value];
    for (const item of values) {
      if (item !== "") url.searchParams.append(name, String(item));
    }
  }
  return url.toString();
}

function describe(cause: unknown): string {
  return cause instanceof Error ? `: ${cause.message}` : "";
}

/** A transport failure: the retry loop may try again (reads only). */
class NetworkFailure {
  constructor(readonly error: ClerkNetworkError) {}
}

/**
 * Creates the request function every resource API uses: URL and headers, snake_case out,
 * camelCase in, zod check at the boundary, coded errors, bounded retries for reads.
 *
 * @throws BackendError `secret-key-missing` (at call time) when no secret key was configured.
 * @throws ClerkAPIResponseError `api-response-error` for a non-2xx answer.
 * @throws ClerkNetworkError `network-error` when the server is unreachable or its answer is cut off.
 * @throws BackendError `api-response-invalid` when a 2xx answer is not JSON or not the expected shape.
 * @example
 * ```ts
 * const request = createBackendApiRequest({ secretKey: "sk_test_…" });
 * const count = await request({ method: "GET", path: "/users/count", schema: totalCountSchema });
 * ```
 */
export function createBackendApiRequest(config: BackendApiRequestConfig): BackendApiRequest {
  const apiUrl = config.apiUrl || DEFAULT_API_URL;
  const apiVersion = config.apiVersion || DEFAULT_API_VERSION;
  const sleep = config.sleep ?? defaultSleep;
  const random = config.random ?? Math.random;
  const now = config.now ?? Date.now;
  const fetchImpl: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async function request<T>(options: BackendApiRequestOptions<T>): Promise<T> {
    const { secretKey } = config;
    if (!secretKey) {
      throw new BackendError(
        "secret-key-missing",
        "Missing Clerk secret key. Set the CLERK_SECRET_KEY environment variable or pass `secretKey` to createClerkClient().",
      );
    }

    const url = buildUrl(apiUrl, apiVersion, options.path, options.query);
    const displayPath = `/${apiVersion}${options.path}`;
    const headers = new Headers({
      Authorization: `Bearer ${secretKey}`,
      "Clerk-API-Version": CLERK_API_VERSION_HEADER_VALUE,
      "User-Agent": `@latchkey/backend@${PACKAGE_VERSION}`,
    });
    let body: BodyInit | undefined;
    if (options.formData) {
      body = options.formData;
    } else if (options.body) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(snakeCaseKeys(options.body));
    }

    const message = (what: string) =>
      redactSecret(`Clerk Backend API ${options.method} ${displayPath} ${what}`, secretKey);
    const networkError = (what: string, cause: unknown) =>
      new ClerkNetworkError(message(`${what}${describe(cause)}`), { cause });
    const invalidResponse = (what: string, cause: unknown) =>
      new BackendError("api-response-invalid", message(what), { cause });

    /** One round trip: the response and its body text, or a transport failure. */
    const attempt = async (): Promise<{ response: Response; text: string } | NetworkFailure> => {
      try {
        const response = await fetchImpl(url, { method: options.method, headers, body });
        if (!response.ok) return { response, text: "" };
        try {
          return { response, text: await response.text() };
        } catch (cause) {
          return new NetworkFailure(networkError("answer could not be read", cause));
        }
      } catch (cause) {
        return new NetworkFailure(networkError("could not be reached", cause));
      }
    };

    const isRead = options.method === "GET";
    for (let retry = 0; ; retry++) {
      const outcome = await attempt();

      if (outcome instanceof NetworkFailure) {
        const delay = isRead ? retryDelayMs(retry, undefined, random) : undefined;
        if (delay === undefined) throw outcome.error;
        await sleep(delay);
        continue;
      }

      const { response, text } = outcome;
      if (!response.ok) {
        const error = await readApiError({
          method: options.method,
          path: displayPath,
          response,
          secretKey,
          nowMs: now(),
        });
        const delay =
          isRead && isRetryableStatus(response.status)
            ? retryDelayMs(retry, error.retryAfter, random)
            : undefined;
        if (delay === undefined) throw error;
        await sleep(delay);
        continue;
      }

      let decoded: unknown;
      try {
        decoded = JSON.parse(text);
      } catch (cause) {
        throw invalidResponse(
          `answered status ${response.status} with a body that is not JSON.`,
          cause,
        );
      }

      const parsed = options.schema.safeParse(camelizeKeys(decoded));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? ` at ${issue.path.join(".") || "(root)"}: ${issue.message}` : "";
        throw invalidResponse(`answered with an unexpected shape${where}.`, parsed.error);
      }
      return parsed.data;
    }
  };
}
