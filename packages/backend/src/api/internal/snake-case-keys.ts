/**
 * `emailAddress` → `email_address`, `primaryEmailAddressID` → `primary_email_address_id`,
 * `web3Wallet` → `web3_wallet`; snake_case keys are left as they are.
 */
export function toSnakeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/**
 * Copy of a request params object with its top-level keys in snake_case and `undefined` values
 * dropped. Values are not touched: metadata, claims and arrays go out verbatim, as Clerk's SDK
 * sends them.
 */
export function snakeCaseKeys(params: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [toSnakeKey(key), value]),
  );
}
