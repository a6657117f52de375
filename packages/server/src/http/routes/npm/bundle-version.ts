/**
 * How an asked version matches the installed one: `exact` (the installed version itself, cached
 * for good), `floating` (its major, `latest`, or another version of the same major, which the
 * installed one stands in for: cached briefly) or null (another major, another tag: not served).
 *
 * @example
 * matchBundleVersion("6", "6.40.0"); // "floating"
 * matchBundleVersion("6.40.0", "6.40.0"); // "exact"
 * matchBundleVersion("5", "6.40.0"); // null
 */
export function matchBundleVersion(asked: string, installed: string): "exact" | "floating" | null {
  if (asked === installed) return "exact";
  if (asked === "latest") return "floating";
  const major = installed.split(".")[0];
  const askedMajor = /^v?(\d+)(?:\.\d+(?:\.\d+(?:-[0-9A-Za-z.-]+)?)?)?$/.exec(asked)?.[1];
  return askedMajor !== undefined && askedMajor === major ? "floating" : null;
}
