import type { z } from "zod";
import { ApiError } from "../errors/api-error.js";
import type { AnyRoute, RouteServices } from "./define-route.js";
import { jsonNestingDepth } from "./json-nesting-depth.js";
import { jsonResponse } from "./json-response.js";
import { searchParamsToObject } from "./query-params.js";
import { hasUnstorableText, unstorableTextPath } from "./unstorable-text-path.js";
import { zodErrorToApiErrors } from "./zod-error-to-api-errors.js";

/** Errors of one request, answered together in the envelope. */
export class ApiErrorList extends Error {
  constructor(readonly errors: ApiError[]) {
    super(errors[0]?.message ?? "Request failed");
    this.name = "ApiErrorList";
  }
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiErrorList(zodErrorToApiErrors(result.error, input));
  return result.data;
}

/** Deepest nesting accepted in a JSON body (metadata included); deeper input is refused. */
const MAX_JSON_DEPTH = 64;

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError("request_body_invalid", {
      longMessage: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ApiError("request_body_invalid", { cause });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("request_body_invalid", {
      longMessage: "The request body must be a JSON object.",
    });
  }
  return parsed;
}

/**
 * Refuses input holding text PostgreSQL cannot store (NUL characters, unpaired surrogates).
 *
 * @throws ApiError `form_param_format_invalid` naming the parameter
 */
function refuseUnstorableText<T>(input: T): T {
  const path = unstorableTextPath(input);
  if (path === undefined) return input;
  throw new ApiError("form_param_format_invalid", {
    paramName: path,
    longMessage: `${path === "" ? "The request" : path} must not contain NUL characters or unpaired surrogates.`,
  });
}

/** Parses a request's input against a route's schemas, runs its handler and serialises the result. */
export async function runRoute(
  route: AnyRoute,
  request: Request,
  params: Record<string, string>,
  services: RouteServices & { baseUrl: string },
): Promise<Response> {
  const url = new URL(request.url);
  for (const [name, value] of Object.entries(params)) {
    // No id holds such text; PostgreSQL could not even compare with it.
    if (hasUnstorableText(value)) throw new ApiError("resource_not_found", { paramName: name });
  }
  const query = route.query
    ? parseWith(route.query, refuseUnstorableText(searchParamsToObject(url.searchParams)))
    : undefined;
  const body = route.body
    ? parseWith(route.body, refuseUnstorableText(await readJsonBody(request)))
    : undefined;
  const result = await route.handler({ ...services, params, query, body, request });
  return result instanceof Response ? result : jsonResponse(result);
}
