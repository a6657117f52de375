import type { z } from "zod";
import { ApiError } from "../errors/api-error.js";
import type { AnyRoute, RouteServices } from "./define-route.js";
import { jsonResponse } from "./json-response.js";
import { searchParamsToObject } from "./query-params.js";
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

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
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

/** Parses a request's input against a route's schemas, runs its handler and serialises the result. */
export async function runRoute(
  route: AnyRoute,
  request: Request,
  params: Record<string, string>,
  services: RouteServices & { baseUrl: string },
): Promise<Response> {
  const url = new URL(request.url);
  const query = route.query
    ? parseWith(route.query, searchParamsToObject(url.searchParams))
    : undefined;
  const body = route.body ? parseWith(route.body, await readJsonBody(request)) : undefined;
  const result = await route.handler({ ...services, params, query, body, request });
  return result instanceof Response ? result : jsonResponse(result);
}
