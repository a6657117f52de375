import { describe, expect, it } from "vitest";
import { readCookie, replaceCookie, serializeCookie } from "./cookie-header.js";

describe("cookie header helpers", () => {
  it("reads exact names only, first wins, quotes removed", () => {
    const header = '__session_x=1; __session="a.b.c"; __session=second; other=2';
    expect(readCookie(header, "__session")).toBe("a.b.c");
    expect(readCookie(header, "__session_x")).toBe("1");
    expect(readCookie(header, "missing")).toBeUndefined();
    expect(readCookie(null, "__session")).toBeUndefined();
    expect(readCookie("flag; a=1", "flag")).toBeUndefined();
  });

  it("replaces every pair of a name with one, keeping the rest", () => {
    expect(replaceCookie("a=1; __session=old; b=2; __session=older", "__session", "new")).toBe(
      "__session=new; a=1; b=2",
    );
    expect(replaceCookie(undefined, "__session", "new")).toBe("__session=new");
    expect(replaceCookie("__session_x=1", "__session", "v")).toBe("__session=v; __session_x=1");
  });

  it("serializes site-wide cookies", () => {
    expect(serializeCookie("__session", "t", { secure: true })).toBe(
      "__session=t; Path=/; SameSite=Lax; Secure",
    );
    expect(serializeCookie("c", "0", { maxAge: 0, httpOnly: true })).toBe(
      "c=0; Path=/; SameSite=Lax; Max-Age=0; HttpOnly",
    );
  });
});

describe("a cookie name sent twice", () => {
  // The same rule as @latchkey/backend's request-credentials (the `cookie` package's): first wins.
  it("reads the first, and replacing it leaves one pair", () => {
    const header = "__session=first; a=1; __session=second; __client_uat=0; __client_uat=17";
    expect(readCookie(header, "__session")).toBe("first");
    expect(readCookie(header, "__client_uat")).toBe("0");
    expect(replaceCookie(header, "__session", "new")).toBe("__session=new; a=1; __client_uat=0");
  });
});
