import type { AnyRoute, RouteServices } from "./define-route.js";
import { refuseOversizedFields } from "./field-limits.js";
import { jsonResponse } from "./json-response.js";
import { parseInput } from "./parse-input.js";
import { parseJsonObjectBody } from "./parse-json-object-body.js";
import { searchParamsToObject } from "./query-params.js";
import { refuseUnstorablePathParams, refuseUnstorableText } from "./unstorable-text-path.js";

/** Parses a request's input against a route's schemas, runs its handler and serialises the result. */
export async function runRoute(
  route: AnyRoute,
  request: Request,
  params: Record<string, string>,
  services: RouteServices & { baseUrl: string },
): Promise<Response> {
  const url = new URL(request.url);
  refuseUnstorablePathParams(params);
  const query = route.query
    ? parseInput(
        route.query,
        refuseOversizedFields(refuseUnstorableText(searchParamsToObject(url.searchParams))),
      )
    : undefined;
  const body = route.body
    ? parseInput(
        route.body,
        refuseOversizedFields(refuseUnstorableText(parseJsonObjectBody(await request.text()))),
      )
    : undefined;
  const result = await route.handler({ ...services, params, query, body, request });
  return result instanceof Response ? result : jsonResponse(result);
}
