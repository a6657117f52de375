import { describe, expect, it } from "vitest";
import { safeRedirectUrl, withRedirectUrl } from "./navigation.js";

describe("safeRedirectUrl", () => {
  const origin = "https://app.example.com";
  it("keeps paths and same-origin URLs (as paths)", () => {
    expect(safeRedirectUrl("/dashboard?tab=1", origin)).toBe("/dashboard?tab=1");
    expect(safeRedirectUrl("https://app.example.com/a/b?c#d", origin)).toBe("/a/b?c#d");
  });
  it("drops other origins, protocol-relative and script URLs", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://app.example.com/",
      "",
    ]) {
      expect(safeRedirectUrl(url, origin), url).toBeUndefined();
    }
  });
});

describe("withRedirectUrl", () => {
  it("appends an encoded redirect_url, keeping existing query and hash", () => {
    expect(withRedirectUrl("/sign-in", "http://x.test/a?b=1")).toBe(
      "/sign-in?redirect_url=http%3A%2F%2Fx.test%2Fa%3Fb%3D1",
    );
    expect(withRedirectUrl("/sign-in?x=1#top", "/a")).toBe("/sign-in?x=1&redirect_url=%2Fa#top");
    expect(withRedirectUrl("/sign-in", undefined)).toBe("/sign-in");
  });
});
