import { describe, expect, it } from "vitest";
import { compilePattern, createRouteMatcher } from "./create-route-matcher.js";
import { nextRequest } from "./internal/testing.test-helpers.js";

const matches = (routes: Parameters<typeof createRouteMatcher>[0], path: string) =>
  createRouteMatcher(routes)(nextRequest(path));

describe("createRouteMatcher", () => {
  it.each([
    ["/dashboard(.*)", "/dashboard", true],
    ["/dashboard(.*)", "/dashboard/settings/profile", true],
    ["/dashboard(.*)", "/Dashboard/x", true],
    ["/dashboard(.*)", "/admin/dashboard", false],
    ["/", "/", true],
    ["/", "/about", false],
    ["/about", "/about/", true],
    ["/about", "/about/team", false],
    ["/users/:id", "/users/42", true],
    ["/users/:id", "/users", false],
    ["/users/:id", "/users/42/posts", false],
    ["/docs/:path*", "/docs", true],
    ["/docs/:path*", "/docs/a/b/c", true],
    ["/docs/:path+", "/docs", false],
    ["/docs/:path+", "/docs/a/b", true],
    ["/shop/:slug?", "/shop", true],
    ["/shop/:slug?", "/shop/hat", true],
    ["/files/:id(\\d+)", "/files/12", true],
    ["/files/:id(\\d+)", "/files/abc", false],
    ["/a.b", "/a.b", true],
    ["/a.b", "/axb", false],
    ["/api/(.*)", "/api/x", true],
    ["/sign-in*", "/sign-in/factor-one", true],
  ])("%s against %s → %s", (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it("matches any of a list, and RegExps against the path name", () => {
    const isPublic = createRouteMatcher(["/", /^\/blog\/\d+$/]);
    expect(isPublic(nextRequest("/"))).toBe(true);
    expect(isPublic(nextRequest("/blog/7?ref=x"))).toBe(true);
    expect(isPublic(nextRequest("/blog/seven"))).toBe(false);
  });

  it("ignores the query string", () => {
    expect(matches("/search", "/search?q=/admin")).toBe(true);
    expect(matches("/admin(.*)", "/search?q=/admin")).toBe(false);
  });

  it("accepts a predicate of the request", () => {
    const isPost = createRouteMatcher((req) => req.method === "POST");
    expect(isPost(nextRequest("/", { method: "POST", body: "" }))).toBe(true);
    expect(isPost(nextRequest("/"))).toBe(false);
  });

  it("works with plain Requests", () => {
    expect(createRouteMatcher("/x/:id")(new Request("https://a.test/x/1"))).toBe(true);
  });

  it("a global RegExp gives the same answer twice", () => {
    const matcher = createRouteMatcher(/^\/g/g);
    expect(matcher(nextRequest("/g1"))).toBe(true);
    expect(matcher(nextRequest("/g1"))).toBe(true);
  });

  it.each(["", "/(unclosed", "/:", "/x/(?=y)", "/files/:id([)"])(
    "refuses the invalid pattern %j",
    (pattern) => {
      expect(() => compilePattern(pattern)).toThrow(
        expect.objectContaining({ code: "route-pattern-invalid" }),
      );
    },
  );
});
