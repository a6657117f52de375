import { describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "./frontend-cookies.js";

describe("Frontend API cookies", () => {
  it("reads the first of a name sent twice, as the SDKs do", () => {
    expect(readCookie("__client=first; __client=second", "__client")).toBe("first");
  });

  it("takes a value as sent: quotes removed, nothing percent-decoded; absent is null", () => {
    expect(readCookie('__client="abc"; x=1', "__client")).toBe("abc");
    expect(readCookie("__client=a%20b", "__client")).toBe("a%20b");
    expect(readCookie("x=1", "__client")).toBeNull();
    expect(readCookie(null, "__client")).toBeNull();
    expect(readCookie("garbage;;=;__client", "__client")).toBeNull();
  });

  it("writes host-only, Lax cookies with the attributes asked for", () => {
    expect(serializeCookie("__session", "", { secure: true, maxAge: 0, httpOnly: false })).toBe(
      "__session=; Max-Age=0; Path=/; Secure; SameSite=Lax",
    );
    expect(serializeCookie("__client", "tok", { secure: false, httpOnly: true })).toBe(
      "__client=tok; Path=/; HttpOnly; SameSite=Lax",
    );
  });
});
