/**
 * A wait in words, rounded up to the unit people use for it: "45 seconds", "15 minutes",
 * "2 hours" (`Intl.NumberFormat`'s long unit names, so other locales read naturally).
 *
 * @example
 * formatDuration(61, "en-US"); // "2 minutes"
 */
export function formatDuration(seconds: number, locale: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const [value, unit] =
    whole < 60
      ? [whole, "second"]
      : whole < 3600
        ? [Math.ceil(whole / 60), "minute"]
        : whole < 172_800
          ? [Math.ceil(whole / 3600), "hour"]
          : [Math.ceil(whole / 86_400), "day"];
  try {
    return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(
      value,
    );
  } catch {
    return new Intl.NumberFormat("en-US", { style: "unit", unit, unitDisplay: "long" }).format(
      value,
    );
  }
}
