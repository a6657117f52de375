import type { Localization, LocalizationResource } from "./localization.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeInto(base: Record<string, unknown>, override: Record<string, unknown>) {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = out[key];
    if (isRecord(current) && isRecord(value)) out[key] = mergeInto(current, value);
    else if (typeof value === "string" && (current === undefined || typeof current === "string")) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The full set of texts: `base` with every string `override` gives put in its place, at any
 * depth. Keys `base` does not know are kept under `unstable__errors` only (new error codes); a
 * value of the wrong type is ignored, so a malformed override cannot blank a component.
 *
 * @example
 * mergeLocalization(enUS, { signIn: { start: { title: "Welcome" } } }).signIn.start.title;
 * // "Welcome"
 */
export function mergeLocalization(
  base: Localization,
  override: LocalizationResource | undefined,
): Localization {
  if (override === undefined) return base;
  const { unstable__errors: errors, ...rest } = override;
  const merged = mergeInto(
    base as unknown as Record<string, unknown>,
    rest as Record<string, unknown>,
  ) as unknown as Localization;
  if (!isRecord(errors)) return merged;
  const extra = Object.fromEntries(
    Object.entries(errors).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  return { ...merged, unstable__errors: { ...base.unstable__errors, ...extra } };
}
