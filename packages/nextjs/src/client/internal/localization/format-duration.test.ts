import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration.js";

describe("formatDuration", () => {
  it("rounds up to the unit people use", () => {
    expect(formatDuration(1, "en-US")).toBe("1 second");
    expect(formatDuration(59.2, "en-US")).toBe("1 minute");
    expect(formatDuration(60, "en-US")).toBe("1 minute");
    expect(formatDuration(61, "en-US")).toBe("2 minutes");
    expect(formatDuration(3600, "en-US")).toBe("1 hour");
    expect(formatDuration(200_000, "en-US")).toBe("3 days");
  });

  it("speaks the locale, and falls back to English for an unknown tag", () => {
    expect(formatDuration(600, "de-DE")).toBe("10 Minuten");
    expect(formatDuration(600, "not a locale")).toBe("10 minutes");
  });
});
