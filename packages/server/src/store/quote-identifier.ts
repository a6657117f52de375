/**
 * Quotes a SQL identifier such as a schema name. Only plain names are accepted: identifiers come
 * from configuration, never from requests.
 *
 * @throws Error when the name is not `[A-Za-z_][A-Za-z0-9_]*` (at most 63 characters).
 */
export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Invalid schema name ${JSON.stringify(name)}: use letters, digits and "_".`);
  }
  return `"${name}"`;
}
