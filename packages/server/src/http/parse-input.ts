import type { z } from "zod";
import { ApiErrorList } from "../errors/api-error-list.js";
import { zodErrorToApiErrors } from "./zod-error-to-api-errors.js";

/**
 * Parses a request's query or body with a route's schema.
 *
 * @throws ApiErrorList with one error per problem (`form_param_missing`,
 *   `form_param_format_invalid`, `form_param_unknown`…) when the input does not fit
 * @example
 * const body = parseInput(route.body, await readFrontendBody(request));
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiErrorList(zodErrorToApiErrors(result.error, input));
  return result.data;
}
