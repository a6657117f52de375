/**
 * Keys whose values are user data: passed verbatim in both directions, never re-cased.
 *
 * Metadata is whatever the application stored; JWT template `claims` are rendered into tokens key
 * for key; a session `actor` is the impersonation claim set as given.
 */
const OPAQUE_KEYS: ReadonlySet<string> = new Set([
  "public_metadata",
  "private_metadata",
  "unsafe_metadata",
  "publicMetadata",
  "privateMetadata",
  "unsafeMetadata",
  "claims",
  "actor",
]);

/** Whether the value under `key` is user data that must keep its keys as they are. */
export function isOpaqueKey(key: string): boolean {
  return OPAQUE_KEYS.has(key);
}
