import { ApiError } from "../../../errors/api-error.js";
import {
  isValidOrganizationSlug,
  MAX_SLUG_LENGTH,
} from "../../../flows/organizations/organization-slug.js";

const MAX_NAME_LENGTH = 256;

/**
 * Checks an organization name: not blank, at most 256 characters, no URLs or HTML.
 *
 * @throws ApiError `form_param_value_invalid` (`name`)
 */
export function checkOrganizationName(name: string): string {
  const trimmed = name.trim();
  const problem =
    trimmed === ""
      ? "must not be blank"
      : trimmed.length > MAX_NAME_LENGTH
        ? `must be at most ${MAX_NAME_LENGTH} characters`
        : /<[^>]*>|[a-z][a-z0-9+.-]*:\/\/|www\./i.test(trimmed)
          ? "may not contain URLs or HTML"
          : null;
  if (problem !== null) {
    throw new ApiError("form_param_value_invalid", {
      paramName: "name",
      longMessage: `The organization name ${problem}.`,
    });
  }
  return trimmed;
}

/**
 * Checks a client-given slug: lowercase letters, digits and dashes.
 *
 * @throws ApiError `form_param_format_invalid` (`slug`)
 */
export function checkOrganizationSlug(slug: string): string {
  if (!isValidOrganizationSlug(slug)) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "slug",
      longMessage: `slug can contain only lowercase letters, digits and "-" (at most ${MAX_SLUG_LENGTH} characters).`,
    });
  }
  return slug;
}

/**
 * Parses an RFC 3339 date-time into epoch milliseconds.
 *
 * @throws ApiError `form_param_format_invalid` (`created_at`)
 */
export function parseCreatedAt(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new ApiError("form_param_format_invalid", {
      paramName: "created_at",
      longMessage:
        "created_at must be a date-time in RFC3339 format (e.g. 2012-10-20T07:15:20.902Z).",
    });
  }
  return ms;
}

/** The 404 answered for an unknown organization id or slug. */
export function organizationNotFound(): ApiError {
  return new ApiError("resource_not_found", {
    paramName: "organization_id",
    longMessage: "Given organization not found.",
  });
}
