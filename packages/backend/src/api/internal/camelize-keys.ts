import { isOpaqueKey } from "./opaque-keys.js";

/** `email_addresses` → `emailAddresses`, `web3_wallet` → `web3Wallet`; other keys unchanged. */
export function toCamelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, char: string) => char.toUpperCase());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Deep copy of a decoded JSON value with snake_case keys turned camelCase, except inside
 * metadata, template claims and actors, which are user data and come back verbatim.
 */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (!isPlainObject(value)) return value;
  // Object.fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      toCamelKey(key),
      isOpaqueKey(key) ? inner : camelizeKeys(inner),
    ]),
  );
}
