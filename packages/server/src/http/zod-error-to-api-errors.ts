import type { z } from "zod";
import { ApiError } from "../errors/api-error.js";

function paramName(path: readonly PropertyKey[]): string {
  // Array positions are not part of Clerk's param names (`email_address`, not `email_address.0`).
  return path.filter((segment) => typeof segment === "string").join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * Maps zod issues to Clerk's form errors: unknown keys → `form_param_unknown`, absent required
 * values → `form_param_missing`, anything else → `form_param_format_invalid`; each with
 * `meta.param_name`.
 */
export function zodErrorToApiErrors(error: z.ZodError, input: unknown): ApiError[] {
  const errors: ApiError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const name = paramName([...issue.path, key]);
        errors.push(
          new ApiError("form_param_unknown", {
            paramName: name,
            longMessage: `${name} is not a valid parameter for this request.`,
          }),
        );
      }
      continue;
    }
    const name = paramName(issue.path);
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
      errors.push(
        new ApiError("form_param_missing", {
          paramName: name,
          longMessage: `${name} must be included.`,
        }),
      );
      continue;
    }
    errors.push(
      new ApiError("form_param_format_invalid", {
        paramName: name,
        longMessage: `${name} is invalid: ${issue.message}`,
      }),
    );
  }
  return errors.length > 0 ? errors : [new ApiError("form_param_format_invalid")];
}
