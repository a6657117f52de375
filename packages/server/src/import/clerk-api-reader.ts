import type { ApiPageCache } from "./api-page-cache.js";
import { ClerkImportError } from "./clerk-import-error.js";

/** Clerk's Backend API, where `--api-url` points by default. */
export const CLERK_API_URL = "https://api.clerk.com";

/** Options of {@link createClerkApiReader}. */
export interface ClerkApiReaderOptions {
  /** Default {@link CLERK_API_URL}; `/v1` is appended. */
  apiUrl?: string;
  /** The Clerk instance's secret key (`sk_…`); sent as a bearer token, never printed. */
  secretKey: string;
  /** Entries per page (Clerk allows up to 500); default 500. */
  pageSize?: number;
  /** Tries per page on 429 and 5xx before giving up; default 8. */
  maxTries?: number;
  fetch?: typeof fetch;
  /** How waiting is done (tests pass a fake); default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Pages read before (an interrupted read resumes from them) and kept as they are read. */
  cache?: ApiPageCache;
  /** Told after each page: the list's path and how many entries were read from it so far. */
  onPage?: (path: string, read: number) => void;
}

/** Reads Clerk's Backend API with a secret key. */
export interface ClerkApiReader {
  /**
   * Every entry of a paged list (`limit`/`offset`), whether the API answers a bare array or
   * `{ data, total_count }`.
   */
  list(path: string, query?: Record<string, string>): Promise<unknown[]>;
}

/** The longest wait a `Retry-After` is obeyed for. */
const MAX_WAIT_MS = 60_000;

/** Milliseconds to wait as a `Retry-After` says (seconds or an HTTP date); 1 s when absent. */
function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return 1_000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1_000 : Date.parse(header) - now;
  return Math.min(MAX_WAIT_MS, Math.max(0, Number.isFinite(ms) ? ms : 1_000));
}

/**
 * A reader of Clerk's Backend API for `latchkey import clerk --from-api`: pages through lists,
 * waits as a 429's `Retry-After` says (and backs off on 5xx), fails on anything else; with a
 * `cache`, pages already read are not asked for again (an interrupted read resumes).
 *
 * @throws ClerkImportError `api_request_failed` (from `list`) on a 4xx other than 429, or when a
 *   page still fails after `maxTries`; the message has the path and status, never the key
 * @example
 * const api = createClerkApiReader({ secretKey: "sk_live_…" });
 * const users = await api.list("/users", { order_by: "+created_at" });
 */
export function createClerkApiReader(options: ClerkApiReaderOptions): ClerkApiReader {
  const base = `${(options.apiUrl ?? CLERK_API_URL).replace(/\/+$/, "")}/v1`;
  const pageSize = options.pageSize ?? 500;
  const maxTries = options.maxTries ?? 8;
  const doFetch = options.fetch ?? fetch;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const getPage = async (url: string, path: string): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { Authorization: `Bearer ${options.secretKey}`, Accept: "application/json" },
        });
      } catch (error) {
        if (attempt >= maxTries) {
          throw new ClerkImportError("api_request_failed", `GET ${path}: ${String(error)}`, {
            cause: error,
          });
        }
        await sleep(1_000 * 2 ** (attempt - 1));
        continue;
      }
      if (response.ok) return response.json();
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= maxTries) {
        await response.body?.cancel();
        throw new ClerkImportError(
          "api_request_failed",
          `GET ${path} answered ${response.status}${response.status === 401 ? " (check --secret-key)" : ""}.`,
        );
      }
      await response.body?.cancel();
      await sleep(
        response.status === 429
          ? retryAfterMs(response.headers.get("Retry-After"), Date.now())
          : Math.min(MAX_WAIT_MS, 1_000 * 2 ** (attempt - 1)),
      );
    }
  };

  return {
    async list(path, query = {}) {
      const entries: unknown[] = [];
      for (let offset = 0; ; offset += pageSize) {
        const params = new URLSearchParams({
          ...query,
          limit: String(pageSize),
          offset: String(offset),
        });
        const key = `${path}?${params}`;
        let body = await options.cache?.read(key);
        if (body === undefined) {
          body = await getPage(`${base}${key}`, path);
          await options.cache?.write(key, body);
        }
        const page = Array.isArray(body)
          ? body
          : body !== null &&
              typeof body === "object" &&
              Array.isArray((body as { data?: unknown }).data)
            ? (body as { data: unknown[] }).data
            : null;
        if (page === null) {
          throw new ClerkImportError("api_request_failed", `GET ${path} did not answer a list.`);
        }
        entries.push(...page);
        options.onPage?.(path, entries.length);
        // A short page is the last; so is a longer one (an API that does not page).
        if (page.length !== pageSize) return entries;
      }
    },
  };
}
