import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import type { Metadata } from "../../../../store/store.js";

/** Zod: `unsafe_metadata` as a form sends it (a JSON string) or as a JSON body does (an object). */
export const unsafeMetadataParam = () =>
  z.union([z.string(), z.record(z.string(), z.unknown())]).optional();

/**
 * Reads `unsafe_metadata`: an object, or a string holding a JSON object.
 *
 * @throws `form_param_format_invalid` (`unsafe_metadata`) for anything else
 * @example
 * parseUnsafeMetadata('{"theme":"dark"}'); // { theme: "dark" }
 */
export function parseUnsafeMetadata(value: string | Record<string, unknown>): Metadata {
  if (typeof value !== "string") return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
    return parsed as Metadata;
  }
  throw new ApiError("form_param_format_invalid", {
    paramName: "unsafe_metadata",
    longMessage: "unsafe_metadata must be a JSON object.",
  });
}
