/** A metadata object, as stored. */
type Metadata = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges `patch` into `target` the way Clerk's metadata endpoints do: nested objects are
 * merged, anything else replaces, and `null` deletes the key. Neither input is mutated.
 */
export function deepMergeMetadata(target: Metadata, patch: Metadata): Metadata {
  const result: Metadata = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = deepMergeMetadata(result[key] as Metadata, value);
    } else if (isPlainObject(value)) {
      result[key] = deepMergeMetadata({}, value);
    } else {
      result[key] = value;
    }
  }
  return result;
}
