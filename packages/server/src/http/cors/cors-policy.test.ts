import { describe, expect, it } from "vitest";
import { addVary, allowedRequestHeaders } from "./cors-policy.js";

describe("allowedRequestHeaders", () => {
  it("keeps the allow-listed and x- headers, lower case, once each", () => {
    expect(
      allowedRequestHeaders(
        "Content-Type, AUTHORIZATION ,x-requested-with,Clerk-Db-Jwt,content-type",
      ),
    ).toBe("content-type, authorization, x-requested-with, clerk-db-jwt");
  });

  it("drops forwarding headers, unknown names and malformed ones", () => {
    expect(
      allowedRequestHeaders(
        "cookie, x-forwarded-for, X-Forwarded-Proto, x-latchkey-forwarded-client, host, bad header, x-ok",
      ),
    ).toBe("x-ok");
    expect(allowedRequestHeaders(undefined)).toBe("");
    expect(allowedRequestHeaders("")).toBe("");
  });
});

describe("addVary", () => {
  it("adds each name once, after those present", () => {
    const headers = new Headers({ Vary: "Accept-Encoding" });
    addVary(headers, "Origin");
    addVary(headers, "origin", "Access-Control-Request-Method");
    expect(headers.get("vary")).toBe("Accept-Encoding, Origin, Access-Control-Request-Method");
  });

  it("leaves Vary: * alone", () => {
    const headers = new Headers({ Vary: "*" });
    addVary(headers, "Origin");
    expect(headers.get("vary")).toBe("*");
  });
});
