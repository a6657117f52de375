import { maxLengthError } from "../errors/max-length-error.js";

/** Largest metadata object (public, private, unsafe), in bytes of its JSON text, as Clerk's. */
export const METADATA_MAX_BYTES = 8 * 1024;

const encoder = new TextEncoder();

/** Bytes of a value's JSON text (a string is taken as JSON text already, as forms send it). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(typeof value === "string" ? value : JSON.stringify(value)).length;
}

/**
 * Checks a metadata object that is about to be stored (after a deep merge, say) against
 * {@link METADATA_MAX_BYTES}.
 *
 * @throws ApiError `form_param_max_length_exceeded` naming `paramName`
 * @example
 * checkMetadataSize("public_metadata", merged);
 */
export function checkMetadataSize(paramName: string, metadata: unknown): void {
  if (jsonBytes(metadata) > METADATA_MAX_BYTES) {
    throw maxLengthError(paramName, METADATA_MAX_BYTES, "bytes");
  }
}
