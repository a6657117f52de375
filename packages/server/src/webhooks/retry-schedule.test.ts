import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_DELAYS_MS, nextRetryAt } from "./retry-schedule.js";

describe("nextRetryAt", () => {
  it("follows Svix's schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    const now = 1_000_000;
    const minutes = [1, 2, 3, 4, 5, 6, 7].map((attempt) => {
      const at = nextRetryAt(attempt, now);
      return at === null ? null : (at - now) / 60_000;
    });
    expect(minutes).toEqual([5 / 60, 5, 30, 120, 300, 600, 600]);
  });

  it("gives up after the eighth attempt", () => {
    expect(DEFAULT_RETRY_DELAYS_MS).toHaveLength(7);
    expect(nextRetryAt(8, 0)).toBeNull();
    expect(nextRetryAt(9, 0)).toBeNull();
  });

  it("takes a custom schedule", () => {
    expect(nextRetryAt(1, 10, [100])).toBe(110);
    expect(nextRetryAt(2, 10, [100])).toBeNull();
    expect(nextRetryAt(1, 10, [])).toBeNull();
  });
});
