import { describe, expect, it } from "vitest";
import { matchBundleVersion } from "./bundle-version.js";

describe("matchBundleVersion", () => {
  it("serves the installed version for good, its major and latest briefly", () => {
    expect(matchBundleVersion("6.40.0", "6.40.0")).toBe("exact");
    expect(matchBundleVersion("6", "6.40.0")).toBe("floating");
    expect(matchBundleVersion("latest", "6.40.0")).toBe("floating");
    expect(matchBundleVersion("6.41.2", "6.40.0")).toBe("floating");
    expect(matchBundleVersion("v6", "6.40.0")).toBe("floating");
  });

  it("refuses another major, other tags and ranges", () => {
    for (const asked of ["5", "7", "5.0.0", "60", "next", "snapshot", "6.x", "^6", "6.40.0.1"]) {
      expect(matchBundleVersion(asked, "6.40.0"), asked).toBeNull();
    }
  });
});
