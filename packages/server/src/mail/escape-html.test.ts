import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escape-html.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters and nothing else", () => {
    expect(escapeHtml(`<a href="x">'Tom' & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;",
    );
    expect(escapeHtml("plain text é 123")).toBe("plain text é 123");
  });
});
