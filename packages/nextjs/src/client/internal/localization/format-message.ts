/**
 * Fills the `{{name}}` places of a text with `values`; a place without a value stays empty.
 * Clerk's modifiers (`{{provider|titleize}}`) are accepted and the value is used as given.
 *
 * @example
 * formatMessage("Enter the code we sent to {{identifier}}.", { identifier: "a@b.io" });
 * // "Enter the code we sent to a@b.io."
 */
export function formatMessage(
  template: string,
  values: Record<string, string | number | undefined> = {},
): string {
  return template.replace(/\{\{\s*(\w+)(?:\s*\|\s*\w+)*\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    return value === undefined ? "" : String(value);
  });
}
