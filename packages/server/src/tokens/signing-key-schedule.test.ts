import { describe, expect, it } from "vitest";
import { signingKeySchedule, signingKeyTimeline } from "./signing-key-schedule.js";

const key = (name: string, createdAt: number, activeAt: number, longestLifetimeSeconds = 60) => ({
  name,
  createdAt,
  activeAt,
  longestLifetimeSeconds,
});

const names = (keys: Array<{ name: string }>) => keys.map((k) => k.name);

describe("signingKeySchedule", () => {
  it("has nothing to sign with and nothing to publish without keys", () => {
    expect(signingKeySchedule([], 0, 1000)).toEqual({ signing: null, published: [] });
  });

  it("publishes a rotated-in key at once but signs with it only from its activeAt", () => {
    const keys = [key("old", 0, 0), key("new", 5_000, 605_000)];
    const before = signingKeySchedule(keys, 604_999, 1000);
    expect(before.signing?.name).toBe("old");
    expect(names(before.published)).toEqual(["old", "new"]);
    expect(signingKeySchedule(keys, 605_000, 1000).signing?.name).toBe("new");
  });

  it("drops the old key once its longest token and the skew have passed", () => {
    const keys = [key("old", 0, 0, 3600), key("new", 5_000, 605_000)];
    const dropAt = 605_000 + 3_600_000 + 1000;
    expect(names(signingKeySchedule(keys, dropAt - 1, 1000).published)).toEqual(["old", "new"]);
    expect(names(signingKeySchedule(keys, dropAt, 1000).published)).toEqual(["new"]);
  });

  it("orders keys by activeAt whatever their order in the input", () => {
    const keys = [key("c", 20, 2000, 0), key("a", 0, 0, 0), key("b", 10, 1000, 0)];
    const at1500 = signingKeySchedule(keys, 1500, 0);
    expect(at1500.signing?.name).toBe("b");
    expect(names(at1500.published)).toEqual(["b", "c"]);
  });

  it("falls back to the oldest key when no key is active yet", () => {
    expect(signingKeySchedule([key("future", 0, 10_000)], 0, 0).signing?.name).toBe("future");
  });

  it("tells each key's timeline: signs until its successor, published until its tokens expired", () => {
    const keys = [key("new", 5_000, 605_000, 0), key("old", 0, 0, 3600)];
    expect(signingKeyTimeline(keys, 1000)).toEqual([
      { key: keys[1], signsUntil: 605_000, publishedUntil: 605_000 + 3_600_000 + 1000 },
      { key: keys[0], signsUntil: null, publishedUntil: null },
    ]);
  });
});
